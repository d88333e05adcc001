using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Changes;

/// <summary>
/// The audit entry of each change, worded once: both stores write these beside the change in its transaction, so
/// the trail reads the same whichever store a council runs.
/// </summary>
public static class ChangeAudit
{
    public static AuditEntry RegisteredClient(Actor actor, DateTimeOffset at, string clientId, string reason) =>
        actor.Audited(at, AuditAction.RegisterClient, clientId, null, reason, "registered the client and joined the team");

    public static AuditEntry CreatedFamily(Actor actor, DateTimeOffset at, string memberId, string familyId, string relationship) =>
        actor.Audited(at, AuditAction.CreateFamily, memberId, familyId, null, $"first member, as {relationship}");

    public static AuditEntry AddedFamilyMember(Actor actor, DateTimeOffset at, string clientId, string familyId, string relationship) =>
        actor.Audited(at, AuditAction.AddFamilyMember, clientId, familyId, null, $"added as {relationship}");

    public static AuditEntry JoinedTeam(Actor actor, DateTimeOffset at, Involvement involvement) =>
        actor.Audited(at, AuditAction.JoinTeam, involvement.ClientId, null, involvement.Reason,
            involvement.Restricted ? "joined as a restricted service" : "joined");

    public static AuditEntry LeftTeam(Actor actor, DateTimeOffset at, string clientId, string reason, long visitsCancelled) =>
        actor.Audited(at, AuditAction.LeaveTeam, clientId, null, reason, $"left the team; {visitsCancelled} planned visit(s) cancelled");

    public static AuditEntry UpdatedContactDetails(Actor actor, DateTimeOffset at, ContactMethod preferred) =>
        actor.Audited(at, AuditAction.UpdateContactDetails, null, null, null, $"preferred contact: {preferred}");

    public static AuditEntry ScheduledVisit(Actor actor, DateTimeOffset at, string clientId, string visitId) =>
        actor.Audited(at, AuditAction.ScheduleVisit, clientId, null, null, $"visit {visitId} planned");

    public static AuditEntry RecordedContact(Actor actor, DateTimeOffset at, string clientId, string visitId, bool wasPlanned) =>
        actor.Audited(at, AuditAction.RecordContact, clientId, null, null,
            wasPlanned ? $"visit {visitId} completed" : $"unplanned contact {visitId} recorded");

    public static AuditEntry CancelledVisit(Actor actor, DateTimeOffset at, Visit visit) =>
        actor.Audited(at, AuditAction.CancelVisit, visit.ClientId, null, null, $"visit {visit.Id} cancelled");

    public static AuditEntry OnboardedAgency(Actor actor, DateTimeOffset at, Agency agency) =>
        actor.Audited(at, AuditAction.OnboardAgency, null, null, null, agency.Name);

    public static AuditEntry SetAgreement(Actor actor, DateTimeOffset at, Agency agency, AgreementStatus status) =>
        actor.Audited(at, AuditAction.SetAgreement, null, null, null, $"{agency.Name}: {status}");

    public static AuditEntry AddedPractitioner(Actor actor, DateTimeOffset at, Practitioner added, Agency agency) =>
        actor.Audited(at, AuditAction.AddPractitioner, null, null, null,
            $"practitioner {added.Id} ({added.Name}, {added.Role}) added to {agency.Name}");

    /// <summary>The leaving itself, then one entry for each team the practitioner left, so each client's trail shows it.</summary>
    public static IReadOnlyList<AuditEntry> PractitionerLeft(Actor actor, DateTimeOffset at, Practitioner leaver, string reason,
        IReadOnlyCollection<string> clientIds, long visitsCancelled) =>
    [
        actor.Audited(at, AuditAction.PractitionerLeft, null, null, reason,
            $"practitioner {leaver.Id} ({leaver.Name}) left; {clientIds.Count} involvement(s) ended, {visitsCancelled} planned visit(s) cancelled"),
        .. clientIds.Select(clientId => actor.Audited(at, AuditAction.LeaveTeam, clientId, null, reason,
            $"practitioner {leaver.Id} ({leaver.Name}) left the team")),
    ];
}
