namespace Patchwork.Network;

/// <summary>
/// A contact between a practitioner and a client. <see cref="Restricted"/> is true when the practitioner's
/// involvement with the client is restricted, so the visit is shown only to that practitioner.
/// </summary>
public sealed record Visit(
    string Id,
    string ClientId,
    string PractitionerId,
    VisitMode Mode,
    VisitStatus Status,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? CompletedAt,
    bool Restricted);
