namespace Patchwork.Network;

/// <summary>A client-name search as one practitioner makes it: shielded clients show only to their own team.</summary>
public sealed record ClientSearch(string Query, DateOnly? DateOfBirth, int First, string PractitionerId);
