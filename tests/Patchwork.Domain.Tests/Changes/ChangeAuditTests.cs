using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Changes;

/// <summary>The trail's wording of each change, the same whichever store writes it.</summary>
public sealed class ChangeAuditTests
{
    private static readonly Actor Hannah = new("hannah-sub", "p-hannah", "req-7");
    private static readonly Actor Admin = new("admin-sub", null, "req-8");

    private static AuditEntry Entry(Actor actor, AuditAction action, string? clientId, string? familyId, string? reason, string? detail) =>
        new(Monday, actor.Subject, actor.PractitionerId, action, clientId, familyId, reason, detail, actor.RequestId);

    [Fact]
    public void Each_change_is_worded_once()
    {
        var involvement = new Involvement("p-hannah", "c1", Monday, "Allocated", Restricted: false, null, null);
        var visit = new Visit("v1", "c1", "p-hannah", VisitMode.Phone, VisitStatus.Planned, Monday, null, false);
        var agency = Agency("aid");
        var practitioner = Practitioner("p2", "aid");

        Assert.Equal(Entry(Hannah, AuditAction.RegisterClient, "c1", null, "Referred", "registered the client and joined the team"),
            ChangeAudit.RegisteredClient(Hannah, Monday, "c1", "Referred"));
        Assert.Equal(Entry(Hannah, AuditAction.CreateFamily, "c1", "f1", null, "first member, as mother"),
            ChangeAudit.CreatedFamily(Hannah, Monday, "c1", "f1", "mother"));
        Assert.Equal(Entry(Hannah, AuditAction.AddFamilyMember, "c2", "f1", null, "added as son"),
            ChangeAudit.AddedFamilyMember(Hannah, Monday, "c2", "f1", "son"));
        Assert.Equal(Entry(Hannah, AuditAction.JoinTeam, "c1", null, "Allocated", "joined"), ChangeAudit.JoinedTeam(Hannah, Monday, involvement));
        Assert.Equal(Entry(Hannah, AuditAction.JoinTeam, "c1", null, "Allocated", "joined as a restricted service"),
            ChangeAudit.JoinedTeam(Hannah, Monday, involvement with { Restricted = true }));
        Assert.Equal(Entry(Hannah, AuditAction.LeaveTeam, "c1", null, "Closed", "left the team; 2 planned visit(s) cancelled"),
            ChangeAudit.LeftTeam(Hannah, Monday, "c1", "Closed", 2));
        Assert.Equal(Entry(Hannah, AuditAction.UpdateContactDetails, null, null, null, "preferred contact: Landline"),
            ChangeAudit.UpdatedContactDetails(Hannah, Monday, ContactMethod.Landline));
        Assert.Equal(Entry(Hannah, AuditAction.ScheduleVisit, "c1", null, null, "visit v1 planned"), ChangeAudit.ScheduledVisit(Hannah, Monday, "c1", "v1"));
        Assert.Equal(Entry(Hannah, AuditAction.RecordContact, "c1", null, null, "visit v1 completed"),
            ChangeAudit.RecordedContact(Hannah, Monday, "c1", "v1", wasPlanned: true));
        Assert.Equal(Entry(Hannah, AuditAction.RecordContact, "c1", null, null, "unplanned contact v1 recorded"),
            ChangeAudit.RecordedContact(Hannah, Monday, "c1", "v1", wasPlanned: false));
        Assert.Equal(Entry(Hannah, AuditAction.CancelVisit, "c1", null, null, "visit v1 cancelled"), ChangeAudit.CancelledVisit(Hannah, Monday, visit));
        Assert.Equal(Entry(Admin, AuditAction.OnboardAgency, null, null, null, "Agency aid"), ChangeAudit.OnboardedAgency(Admin, Monday, agency));
        Assert.Equal(Entry(Admin, AuditAction.SetAgreement, null, null, null, "Agency aid: Suspended"),
            ChangeAudit.SetAgreement(Admin, Monday, agency, AgreementStatus.Suspended));
        Assert.Equal(Entry(Admin, AuditAction.AddPractitioner, null, null, null, "practitioner p2 (Practitioner p2, Health visitor) added to Agency aid"),
            ChangeAudit.AddedPractitioner(Admin, Monday, practitioner, agency));
    }

    [Fact]
    public void A_leaver_is_on_the_trail_once_and_again_in_each_team_they_left()
    {
        var entries = ChangeAudit.PractitionerLeft(Admin, Monday, Practitioner("p2", "aid"), "Left Agency aid", ["c1", "c2"], 3);

        Assert.Equal(
        [
            Entry(Admin, AuditAction.PractitionerLeft, null, null, "Left Agency aid",
                "practitioner p2 (Practitioner p2) left; 2 involvement(s) ended, 3 planned visit(s) cancelled"),
            Entry(Admin, AuditAction.LeaveTeam, "c1", null, "Left Agency aid", "practitioner p2 (Practitioner p2) left the team"),
            Entry(Admin, AuditAction.LeaveTeam, "c2", null, "Left Agency aid", "practitioner p2 (Practitioner p2) left the team"),
        ], entries);
    }

    [Fact]
    public void Only_a_practitioner_acts_as_one()
    {
        Assert.Equal("p-hannah", Hannah.Practitioner);
        var refused = Assert.Throws<PatchworkException>(() => Admin.Practitioner);
        Assert.Equal((ErrorCode.Forbidden, "Only a practitioner can make this change."), (refused.Code, refused.Message));
    }

    [Fact]
    public void Each_failure_carries_its_code_and_a_not_found_names_what_and_which()
    {
        var notFound = PatchworkException.NotFound("client", "c9");
        Assert.Equal((ErrorCode.NotFound, "No client has the id 'c9'."), (notFound.Code, notFound.Message));
        Assert.Equal(ErrorCode.RateLimited, PatchworkException.RateLimited("slow down").Code);
        Assert.Equal(ErrorCode.Conflict, PatchworkException.Conflict("taken").Code);
    }

    [Fact]
    public void A_client_is_shown_by_given_and_family_name() => Assert.Equal("Ada Quill", Client("Quill").DisplayName);

    [Fact]
    public void An_import_counts_each_piece_it_has_loaded()
    {
        var piece = new NetworkSnapshot([], [], [new Family("f1", "the Quill household", "North")],
            [Client("c1"), Client("c2")], [new Involvement("p1", "c1", Monday, "Allocated", false, null, null)], []);

        var progress = new ImportProgress(ImportStage.Loading, 1, 2, 3, 4).After(piece).After(piece);

        Assert.Equal(new ImportProgress(ImportStage.Loading, 3, 6, 5, 4), progress);
    }

    [Fact]
    public void A_load_with_an_email_no_write_would_accept_is_refused_whoever_holds_it()
    {
        static NetworkSnapshot With(Agency[] agencies, Practitioner[] practitioners) => new(agencies, practitioners, [], [], [], []);
        With([Agency("aid")], [Practitioner("p1"), Practitioner("p2") with { Email = null }]).CheckEmails();

        var agency = Assert.Throws<PatchworkException>(() => With([Agency("aid") with { DutyEmail = "duty@aid.example?bcc=x" }], []).CheckEmails());
        Assert.StartsWith("agency aid dutyEmail must be a plain address", agency.Message, StringComparison.Ordinal);
        var practitioner = Assert.Throws<PatchworkException>(() => With([], [Practitioner("p1") with { Email = "a b@c.example" }]).CheckEmails());
        Assert.StartsWith("practitioner p1 email must be a plain address", practitioner.Message, StringComparison.Ordinal);
    }
}
