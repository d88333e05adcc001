namespace Patchwork.Auditing;

/// <summary>One line of the audit trail: who, when, what, about whom, why, and the request it came in on.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Subject,
    string? PractitionerId,
    AuditAction Action,
    string? ClientId,
    string? FamilyId,
    string? Reason,
    string? Detail,
    string RequestId);
