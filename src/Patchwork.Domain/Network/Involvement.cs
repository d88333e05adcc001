namespace Patchwork.Network;

/// <summary>A practitioner's involvement with a client: the SUPPORTS relationship.</summary>
public sealed record Involvement(
    string PractitionerId,
    string ClientId,
    DateTimeOffset Since,
    string Reason,
    bool Restricted,
    DateTimeOffset? EndedOn,
    string? EndReason);
