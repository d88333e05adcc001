using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Changes;

// The inputs of the writes the store accepts. Each validates itself, so both adapters refuse the
// same bad input with the same message before anything is written.

/// <summary>
/// Who is making a change, on whose behalf it is audited, and the request it came in on. Practitioners act as
/// themselves (<see cref="PractitionerId"/>); administrators have no practitioner record.
/// </summary>
public sealed record Actor(string Subject, string? PractitionerId, string RequestId)
{
    /// <summary>The acting practitioner, for changes only a practitioner can make.</summary>
    public string Practitioner => PractitionerId ?? throw PatchworkException.Forbidden("Only a practitioner can make this change.");

    /// <summary>The audit entry for what this actor did, as every store writes it beside the change itself.</summary>
    public AuditEntry Audited(
        DateTimeOffset at, AuditAction action, string? clientId, string? familyId, string? reason, string? detail) =>
        new(at, Subject, PractitionerId, action, clientId, familyId, reason, detail, RequestId);
}
