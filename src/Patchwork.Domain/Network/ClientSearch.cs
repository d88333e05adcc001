namespace Patchwork.Network;

/// <summary>A client-name search as one practitioner makes it: shielded clients show only to their own team.</summary>
public sealed record ClientSearch(string Query, DateOnly? DateOfBirth, int First, string PractitionerId)
{
    /// <summary>The most matches a store returns, whatever is asked for.</summary>
    public const int MaxMatches = 100;

    /// <summary>How many matches a store reads: at least one, at most <see cref="MaxMatches"/>.</summary>
    public int Matches => Math.Clamp(First, 1, MaxMatches);
}
