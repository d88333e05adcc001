namespace Patchwork.Auditing;

/// <summary>
/// A slice of the audit trail, newest first. <see cref="FamilyId"/> selects entries about the family or any of
/// its current members (who has looked at this family); <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery(
    string? ClientId,
    string? PractitionerId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int First,
    AuditAction? Action = null,
    string? FamilyId = null);
