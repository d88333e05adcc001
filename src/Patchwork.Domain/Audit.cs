namespace Patchwork;

/// <summary>What happened, as written to the append-only audit trail.</summary>
public enum AuditAction
{
    Search,
    ViewClient,
    ViewFamily,
    Denied,
    RegisterClient,
    CreateFamily,
    AddFamilyMember,
    JoinTeam,
    LeaveTeam,
    ScheduleVisit,
    RecordContact,
    CancelVisit,
    UpdateContactDetails,
    BreakGlass,
    OnboardAgency,
    SetAgreement,
    AddPractitioner,
    PractitionerLeft,
    ViewReport,
    ExportReport,
    RequestFollowUp,
    SearchLimitReached,
    ViewAuditTrail,
    ReviewBreakGlass,
}

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
