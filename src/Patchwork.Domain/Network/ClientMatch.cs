namespace Patchwork.Network;

/// <summary>A search hit: the minimal details that let a practitioner recognise a client, nothing more.</summary>
public sealed record ClientMatch(
    string ClientId,
    string DisplayName,
    DateOnly DateOfBirth,
    string PostcodeDistrict,
    bool InMyTeam);
