namespace Patchwork.Auditing;

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
