using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Changes;

/// <summary>
/// Every change's rules, driven through the transaction port: what it locks and in which order (client, then
/// practitioner), what it refuses before writing anything, what it writes and what the trail is told.
/// </summary>
public sealed class NetworkChangesTests
{
    /// <summary>The clock reads a fraction of a millisecond past; both stores keep milliseconds.</summary>
    private static readonly DateTimeOffset Clock = Monday.AddTicks(1_234_567);
    private static readonly DateTimeOffset Now = Monday.AddMilliseconds(123);

    private static readonly Actor Hannah = new("sub-p1", "p1", "req-1");
    private static readonly Actor AidWorker = new("sub-aid", "p-aid", "req-2");
    private static readonly Actor Admin = new("admin-sub", null, "req-3");

    private readonly RecordingTransaction _tx = new();
    private readonly NetworkChanges _changes;

    public NetworkChangesTests()
    {
        _changes = new NetworkChanges(_tx, new FixedTime(Clock));
        foreach (var agency in new[] { Agency("health"), Agency("aid", restricted: true) })
        {
            _tx.Agencies[agency.Id] = agency;
        }
        _tx.Accounts["p1"] = new(Practitioner("p1", "health"), _tx.Agencies["health"]);
        _tx.Accounts["p-aid"] = new(Practitioner("p-aid", "aid"), _tx.Agencies["aid"]);
        _tx.Accounts["p-left"] = new(Practitioner("p-left", "health", PractitionerStatus.Left), _tx.Agencies["health"]);
        _tx.Clients["c1"] = Client("c1");
        _tx.Clients["c-fam"] = Client("c-fam", familyId: "f0");
        _tx.Families["f1"] = new Family("f1", "the Quill household", "North");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private Involvement InTeam(string practitionerId = "p1", string clientId = "c1", bool restricted = false)
    {
        var involvement = new Involvement(practitionerId, clientId, Monday.AddDays(-10), "Allocated", restricted, null, null);
        _tx.Involvements.Add(involvement);
        return involvement;
    }

    private Visit Planned(string id, string clientId = "c1", string practitionerId = "p1", VisitStatus status = VisitStatus.Planned)
    {
        var visit = new Visit(id, clientId, practitionerId, VisitMode.HomeVisit, status, Monday.AddDays(1), null, false);
        _tx.Visits[id] = visit;
        return visit;
    }

    /// <summary>Asserts the change is refused with this code and message, having made exactly these calls and written nothing.</summary>
    private async Task Refused(ErrorCode code, string message, Func<Task> change, params string[] calls)
    {
        var refused = await Assert.ThrowsAsync<PatchworkException>(change);
        Assert.Equal((code, message), (refused.Code, refused.Message));
        Assert.Equal(calls, _tx.Calls);
        Assert.Empty(_tx.Written);
        Assert.Empty(_tx.Audit);
    }

    [Fact]
    public async Task Joining_locks_the_client_then_the_practitioner_and_adds_an_open_involvement_on_the_trail()
    {
        var joined = await _changes.JoinTeamAsync("c1", " Allocated ", restricted: false, Hannah, default);

        Assert.Equal(new Involvement("p1", "c1", Now, "Allocated", false, null, null), joined);
        Assert.Equal(["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1", "InsertInvolvement", "AppendAudit"], _tx.Calls);
        Assert.Equal([joined], _tx.Written);
        Assert.Equal([ChangeAudit.JoinedTeam(Hannah, Now, joined)], _tx.Audit);
    }

    [Theory]
    [InlineData("p1", false, false)]
    [InlineData("p1", true, true)]
    [InlineData("p-aid", false, true)]
    [InlineData("p-aid", true, true)]
    public async Task A_restricted_services_involvement_is_always_restricted_whatever_was_asked(string practitionerId, bool asked, bool restricted)
    {
        var actor = new Actor($"sub-{practitionerId}", practitionerId, "req");

        var joined = await _changes.JoinTeamAsync("c1", "Allocated", asked, actor, default);

        Assert.Equal(restricted, joined.Restricted);
        Assert.Equal(restricted ? "joined as a restricted service" : "joined", Assert.Single(_tx.Audit).Detail);
    }

    [Fact]
    public async Task Joining_twice_an_unknown_client_or_as_nobody_is_refused_before_anything_is_written()
    {
        await Refused(ErrorCode.BadUserInput, "clientId is not a valid id.", () => _changes.JoinTeamAsync("c 1", "Allocated", false, Hannah, default));
        await Refused(ErrorCode.BadUserInput, "reason must not be empty.", () => _changes.JoinTeamAsync("c1", " ", false, Hannah, default));
        await Refused(ErrorCode.NotFound, "No client has the id 'c9'.", () => _changes.JoinTeamAsync("c9", "Allocated", false, Hannah, default),
            "LockClient c9");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Forbidden, "Only a practitioner can make this change.",
            () => _changes.JoinTeamAsync("c1", "Allocated", false, Admin, default), "LockClient c1");
        _tx.Calls.Clear();
        await Refused(ErrorCode.NotFound, "No practitioner has the id 'p9'.",
            () => _changes.JoinTeamAsync("c1", "Allocated", false, new Actor("s", "p9", "r"), default), "LockClient c1", "LockPractitioner p9");
        _tx.Calls.Clear();
        InTeam();
        await Refused(ErrorCode.Conflict, "You are already in this client's team.",
            () => _changes.JoinTeamAsync("c1", "Allocated", false, Hannah, default), "LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1");
    }

    [Fact]
    public async Task Leaving_ends_the_involvement_now_and_cancels_the_visits_still_planned_with_the_client()
    {
        var current = InTeam();
        _tx.CancelledVisits = 2;

        var left = await _changes.LeaveTeamAsync("c1", " Case closed ", Hannah, default);

        Assert.Equal(current with { EndedOn = Now, EndReason = "Case closed" }, left);
        Assert.Equal(["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1",
            $"EndInvolvement p1 c1 {Now:O} Case closed", "CancelPlannedVisits p1 c1", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.LeftTeam(Hannah, Now, "c1", "Case closed", 2)], _tx.Audit);
    }

    [Fact]
    public async Task Leaving_a_team_one_is_not_in_is_a_conflict_even_when_the_involvement_ends_meanwhile()
    {
        const string notInTeam = "You are not in this client's team.";
        await Refused(ErrorCode.BadUserInput, "reason must be at most 500 characters.",
            () => _changes.LeaveTeamAsync("c1", new string('r', 501), Hannah, default));
        await Refused(ErrorCode.BadUserInput, "clientId is not a valid id.", () => _changes.LeaveTeamAsync("c 1", "Closed", Hannah, default));
        await Refused(ErrorCode.NotFound, "No client has the id 'c9'.", () => _changes.LeaveTeamAsync("c9", "Closed", Hannah, default), "LockClient c9");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Conflict, notInTeam, () => _changes.LeaveTeamAsync("c1", "Closed", Hannah, default),
            "LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1");
        _tx.Calls.Clear();
        InTeam();
        _tx.EndFindsInvolvement = false;
        await Refused(ErrorCode.Conflict, notInTeam, () => _changes.LeaveTeamAsync("c1", "Closed", Hannah, default),
            "LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1", $"EndInvolvement p1 c1 {Now:O} Closed");
    }

    [Fact]
    public async Task A_leaver_leaves_every_team_with_the_reason_left_their_agency_locking_only_the_practitioner()
    {
        _tx.EndedClients = ["c1", "c2"];
        _tx.CancelledVisits = 3;

        var leaver = await _changes.RecordPractitionerLeftAsync("p1", Admin, default);

        Assert.Equal(PractitionerStatus.Left, leaver.Status);
        Assert.Equal(_tx.Accounts["p1"].Practitioner with { Status = PractitionerStatus.Left }, leaver);
        Assert.Equal(["LockPractitioner p1", $"EndEveryInvolvement p1 {Now:O} Left Agency health", "CancelPlannedVisits p1 (anyone)",
            "MarkLeft p1", "AppendAudit"], _tx.Calls);
        Assert.Equal(ChangeAudit.PractitionerLeft(Admin, Now, _tx.Accounts["p1"].Practitioner, "Left Agency health", ["c1", "c2"], 3), _tx.Audit);
    }

    [Fact]
    public async Task A_practitioner_leaves_once()
    {
        await Refused(ErrorCode.BadUserInput, "practitionerId is not a valid id.", () => _changes.RecordPractitionerLeftAsync("p 1", Admin, default));
        await Refused(ErrorCode.NotFound, "No practitioner has the id 'p9'.", () => _changes.RecordPractitionerLeftAsync("p9", Admin, default),
            "LockPractitioner p9");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Conflict, "Practitioner 'p-left' has already left.", () => _changes.RecordPractitionerLeftAsync("p-left", Admin, default),
            "LockPractitioner p-left");
    }

    [Theory]
    [InlineData("p1", false)]
    [InlineData("p-aid", true)]
    public async Task Registering_a_client_puts_the_registrant_in_their_team_restricted_for_a_restricted_service(string practitionerId, bool restricted)
    {
        var actor = new Actor($"sub-{practitionerId}", practitionerId, "req");
        var input = new NewClient(" Ada ", "Quill", new DateOnly(1990, 1, 2), "1 Mill Row", "nr2 4tj", "943 476 5919", true, " Referred ");

        var client = await _changes.RegisterClientAsync(input, actor, default);

        Assert.Equal(new Client(client.Id, "Ada", "Quill", new DateOnly(1990, 1, 2), "1 Mill Row", "NR2 4TJ", "9434765919", true, null, null), client);
        Assert.Matches("^[0-9a-f]{32}$", client.Id);
        Assert.Equal([$"LockPractitioner {practitionerId}", "InsertClient", "InsertInvolvement", "AppendAudit"], _tx.Calls);
        Assert.Equal([client, new Involvement(practitionerId, client.Id, Now, "Referred", restricted, null, null)], _tx.Written);
        Assert.Equal([ChangeAudit.RegisteredClient(actor, Now, client.Id, "Referred")], _tx.Audit);
    }

    [Fact]
    public async Task A_client_born_after_today_is_refused_before_anything_is_read()
    {
        var input = new NewClient("Ada", "Quill", DateOnly.FromDateTime(Monday.UtcDateTime).AddDays(1), "1 Mill Row", "NR2 4TJ", null, false, "Referred");
        await Refused(ErrorCode.BadUserInput, "dateOfBirth must be in the past 125 years and not in the future.",
            () => _changes.RegisterClientAsync(input, Hannah, default));
        var born = await _changes.RegisterClientAsync(input with { DateOfBirth = DateOnly.FromDateTime(Monday.UtcDateTime) }, Hannah, default);
        Assert.Equal(DateOnly.FromDateTime(Monday.UtcDateTime), born.DateOfBirth);
    }

    [Fact]
    public async Task A_family_is_made_around_a_client_in_none()
    {
        var family = await _changes.CreateFamilyAsync(new NewFamily(" the Quill household ", "North", "c1", " mother "), Hannah, default);

        Assert.Equal(new Family(family.Id, "the Quill household", "North"), family);
        Assert.Equal(["LockClient c1", "InsertFamily", $"SetFamily c1 {family.Id} mother", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.CreatedFamily(Hannah, Now, "c1", family.Id, "mother")], _tx.Audit);
    }

    [Fact]
    public async Task A_client_already_in_a_household_is_in_no_other()
    {
        const string inFamily = "Client 'c-fam' is already a member of a family.";
        await Refused(ErrorCode.Conflict, inFamily, () => _changes.CreateFamilyAsync(new NewFamily("F", "North", "c-fam", "son"), Hannah, default),
            "LockClient c-fam");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Conflict, inFamily, () => _changes.AddFamilyMemberAsync("f1", "c-fam", "son", Hannah, default),
            "LockFamily f1", "LockClient c-fam");
        _tx.Calls.Clear();
        await Refused(ErrorCode.NotFound, "No client has the id 'c9'.", () => _changes.CreateFamilyAsync(new NewFamily("F", "North", "c9", "son"), Hannah, default),
            "LockClient c9");
    }

    [Fact]
    public async Task A_member_joins_a_household_as_their_relationship()
    {
        var member = await _changes.AddFamilyMemberAsync("f1", "c1", " son ", Hannah, default);

        Assert.Equal(_tx.Clients["c1"] with { FamilyId = "f1", FamilyRelationship = "son" }, member);
        Assert.Equal(["LockFamily f1", "LockClient c1", "SetFamily c1 f1 son", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.AddedFamilyMember(Hannah, Now, "c1", "f1", "son")], _tx.Audit);
    }

    [Fact]
    public async Task A_member_is_added_only_to_a_family_that_exists_with_a_relationship_of_at_most_50_characters()
    {
        await Refused(ErrorCode.BadUserInput, "familyId is not a valid id.", () => _changes.AddFamilyMemberAsync("f 1", "c1", "son", Hannah, default));
        await Refused(ErrorCode.BadUserInput, "clientId is not a valid id.", () => _changes.AddFamilyMemberAsync("f1", "c 1", "son", Hannah, default));
        await Refused(ErrorCode.BadUserInput, "relationship must be at most 50 characters.",
            () => _changes.AddFamilyMemberAsync("f1", "c1", new string('r', 51), Hannah, default));
        await Refused(ErrorCode.NotFound, "No family has the id 'f9'.", () => _changes.AddFamilyMemberAsync("f9", "c1", "son", Hannah, default), "LockFamily f9");
        _tx.Calls.Clear();
        Assert.Equal(50, (await _changes.AddFamilyMemberAsync("f1", "c1", new string('r', 50), Hannah, default)).FamilyRelationship!.Length);
    }

    [Fact]
    public async Task A_visit_is_planned_by_a_team_member_to_the_millisecond_and_read_back_as_every_read_shows_it()
    {
        InTeam(restricted: true);

        var visit = await _changes.ScheduleVisitAsync(new NewVisit("c1", Clock.AddDays(1), VisitMode.Video), Hannah, default);

        Assert.Equal(new Visit(visit.Id, "c1", "p1", VisitMode.Video, VisitStatus.Planned, Now.AddDays(1), null, Restricted: true), visit);
        Assert.False(((Visit)Assert.Single(_tx.Written)).Restricted);
        Assert.Equal(["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1", "InsertVisit", "AppendAudit", $"LockVisit {visit.Id}"],
            _tx.Calls);
        Assert.Equal([ChangeAudit.ScheduledVisit(Hannah, Now, "c1", visit.Id)], _tx.Audit);
    }

    [Fact]
    public async Task Only_the_team_plans_visits_and_records_contacts()
    {
        const string onlyTeam = "Only a member of the client's team can do this; join the team first.";
        await Refused(ErrorCode.Forbidden, onlyTeam,
            () => _changes.ScheduleVisitAsync(new NewVisit("c1", Clock.AddDays(1), VisitMode.Video), Hannah, default),
            "LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Forbidden, onlyTeam,
            () => _changes.RecordContactAsync(new NewContact("c1", Clock.AddHours(-1), VisitMode.Phone, null), Hannah, default),
            "LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1");
        _tx.Calls.Clear();
        await Refused(ErrorCode.NotFound, "No client has the id 'c9'.",
            () => _changes.ScheduleVisitAsync(new NewVisit("c9", Clock.AddDays(1), VisitMode.Video), Hannah, default), "LockClient c9");
        _tx.Calls.Clear();
        await Refused(ErrorCode.BadUserInput, "scheduledFor must be in the future and within two years.",
            () => _changes.ScheduleVisitAsync(new NewVisit("c1", Clock.AddMinutes(-6), VisitMode.Video), Hannah, default));
        await Refused(ErrorCode.BadUserInput, "completedAt must be in the past year and not in the future.",
            () => _changes.RecordContactAsync(new NewContact("c1", Clock.AddMinutes(6), VisitMode.Phone, null), Hannah, default));
    }

    [Fact]
    public async Task An_unplanned_contact_is_added_as_a_completed_visit()
    {
        InTeam();

        var visit = await _changes.RecordContactAsync(new NewContact("c1", Clock.AddHours(-1), VisitMode.Phone, null), Hannah, default);

        Assert.Equal(new Visit(visit.Id, "c1", "p1", VisitMode.Phone, VisitStatus.Completed, null, Now.AddHours(-1), false), visit);
        Assert.Equal([visit], _tx.Written);
        Assert.Equal(["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1", "InsertVisit", "AppendAudit", $"LockVisit {visit.Id}"],
            _tx.Calls);
        Assert.Equal([ChangeAudit.RecordedContact(Hannah, Now, "c1", visit.Id, wasPlanned: false)], _tx.Audit);
    }

    [Fact]
    public async Task A_contact_completes_the_practitioners_own_planned_visit()
    {
        InTeam();
        Planned("v1");

        var visit = await _changes.RecordContactAsync(new NewContact("c1", Clock.AddHours(-1), VisitMode.Video, "v1"), Hannah, default);

        Assert.Equal((VisitStatus.Completed, Now.AddHours(-1), VisitMode.Video), (visit.Status, visit.CompletedAt!.Value, visit.Mode));
        Assert.Equal(["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1", "LockVisit v1",
            $"CompleteVisit v1 {Now.AddHours(-1):O} Video", "AppendAudit", "LockVisit v1"], _tx.Calls);
        Assert.Equal([ChangeAudit.RecordedContact(Hannah, Now, "c1", "v1", wasPlanned: true)], _tx.Audit);
    }

    [Fact]
    public async Task Only_the_practitioner_who_planned_a_visit_with_this_client_completes_it_and_only_while_planned()
    {
        InTeam();
        Planned("other-client", clientId: "c2");
        Planned("colleagues", practitionerId: "p2");
        Planned("done", status: VisitStatus.Completed);
        Task Complete(string visitId) => _changes.RecordContactAsync(new NewContact("c1", Clock.AddHours(-1), VisitMode.Phone, visitId), Hannah, default);
        string[] checks = ["LockClient c1", "LockPractitioner p1", "FindCurrentInvolvement p1 c1"];

        await Refused(ErrorCode.BadUserInput, "visitId names a visit with another client.", () => Complete("other-client"), [.. checks, "LockVisit other-client"]);
        _tx.Calls.Clear();
        await Refused(ErrorCode.Forbidden, "Only the practitioner a visit is with can change it.", () => Complete("colleagues"), [.. checks, "LockVisit colleagues"]);
        _tx.Calls.Clear();
        await Refused(ErrorCode.Conflict, "The visit is completed, not planned.", () => Complete("done"), [.. checks, "LockVisit done"]);
        _tx.Calls.Clear();
        await Refused(ErrorCode.NotFound, "No visit has the id 'gone'.", () => Complete("gone"), [.. checks, "LockVisit gone"]);
        _tx.Calls.Clear();
        await Refused(ErrorCode.BadUserInput, "visitId is not a valid id.", () => Complete("v 1"));
    }

    [Fact]
    public async Task A_planned_visit_is_cancelled_by_its_practitioner()
    {
        var planned = Planned("v1");

        var cancelled = await _changes.CancelVisitAsync("v1", Hannah, default);

        Assert.Equal(planned with { Status = VisitStatus.Cancelled }, cancelled);
        Assert.Equal(["LockVisit v1", "CancelVisit v1", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.CancelledVisit(Hannah, Now, planned)], _tx.Audit);
    }

    [Fact]
    public async Task Nobody_else_cancels_a_visit_and_a_visit_is_cancelled_once()
    {
        Planned("colleagues", practitionerId: "p2");
        Planned("cancelled", status: VisitStatus.Cancelled);

        await Refused(ErrorCode.Forbidden, "Only the practitioner a visit is with can change it.", () => _changes.CancelVisitAsync("colleagues", Hannah, default),
            "LockVisit colleagues");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Conflict, "The visit is cancelled, not planned.", () => _changes.CancelVisitAsync("cancelled", Hannah, default),
            "LockVisit cancelled");
        _tx.Calls.Clear();
        await Refused(ErrorCode.Forbidden, "Only the practitioner a visit is with can change it.", () => _changes.CancelVisitAsync("cancelled", Admin, default),
            "LockVisit cancelled");
        _tx.Calls.Clear();
        await Refused(ErrorCode.BadUserInput, "visitId is not a valid id.", () => _changes.CancelVisitAsync("", Hannah, default));
    }

    [Fact]
    public async Task A_practitioner_updates_their_own_contact_details()
    {
        var updated = await _changes.UpdateContactDetailsAsync(new ContactDetails(" new@health.example ", "07700 900123", null, ContactMethod.Mobile),
            Hannah, default);

        Assert.Equal(_tx.Accounts["p1"].Practitioner with
        {
            Email = "new@health.example",
            Mobile = "07700900123",
            Landline = null,
            PreferredContact = ContactMethod.Mobile,
        }, updated);
        Assert.Equal(["LockPractitioner p1", "SetContactDetails p1", "AppendAudit"], _tx.Calls);
        Assert.Equal([new ContactDetails("new@health.example", "07700900123", null, ContactMethod.Mobile)], _tx.Written);
        Assert.Equal([ChangeAudit.UpdatedContactDetails(Hannah, Now, ContactMethod.Mobile)], _tx.Audit);
        _tx.Calls.Clear();
        _tx.Written.Clear();
        _tx.Audit.Clear();
        await Refused(ErrorCode.BadUserInput, "preferredContact must name a method whose details are given.",
            () => _changes.UpdateContactDetailsAsync(new ContactDetails("a@b.co", null, null, ContactMethod.Landline), Hannah, default));
    }

    [Fact]
    public async Task An_agency_is_onboarded_under_a_name_no_other_has_in_any_letter_case()
    {
        var agreement = new DataSharingAgreement(AgreementStatus.Active, new DateOnly(2026, 1, 5), null);

        var onboarded = await _changes.OnboardAgencyAsync(
            new NewAgency(" Eastmere Aid ", AgencyKind.Voluntary, "01603 123456", "duty@aid.example", true, agreement), Admin, default);

        Assert.Equal(new Agency(onboarded.Id, "Eastmere Aid", AgencyKind.Voluntary, "01603123456", "duty@aid.example", true, agreement), onboarded);
        Assert.Equal(["GetAgencyNames", "InsertAgency", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.OnboardedAgency(Admin, Now, onboarded)], _tx.Audit);

        _tx.Calls.Clear();
        _tx.Written.Clear();
        _tx.Audit.Clear();
        await Refused(ErrorCode.Conflict, "An agency called 'Agency health' is already onboarded.",
            () => _changes.OnboardAgencyAsync(new NewAgency("AGENCY HEALTH", AgencyKind.Health, "01603123456", "duty@h.example", false, agreement),
                Admin, default), "GetAgencyNames");
    }

    [Fact]
    public async Task An_agreement_is_set_on_an_agency_that_exists()
    {
        var suspended = new DataSharingAgreement(AgreementStatus.Suspended, new DateOnly(2025, 1, 1), null);

        var agency = await _changes.SetAgreementAsync("health", suspended, Admin, default);

        Assert.Equal(_tx.Agencies["health"] with { Agreement = suspended }, agency);
        Assert.Equal(["LockAgency health", "SetAgreement health", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.SetAgreement(Admin, Now, _tx.Agencies["health"], AgreementStatus.Suspended)], _tx.Audit);

        _tx.Calls.Clear();
        _tx.Written.Clear();
        _tx.Audit.Clear();
        await Refused(ErrorCode.NotFound, "No agency has the id 'a9'.", () => _changes.SetAgreementAsync("a9", suspended, Admin, default), "LockAgency a9");
        _tx.Calls.Clear();
        await Refused(ErrorCode.BadUserInput, "agencyId is not a valid id.", () => _changes.SetAgreementAsync("a 9", suspended, Admin, default));
        await Refused(ErrorCode.BadUserInput, "signedOn must be in the past 30 years and not in the future.",
            () => _changes.SetAgreementAsync("health", suspended with { SignedOn = new DateOnly(2026, 3, 10) }, Admin, default));
    }

    [Fact]
    public async Task A_practitioner_is_added_active_to_an_agency_with_a_subject_nobody_signs_in_with()
    {
        var input = new NewPractitioner("health", " New Person ", "Nurse", "new@health.example", null, null, ContactMethod.Email, "new-sub");

        var added = await _changes.AddPractitionerAsync(input, Admin, default);

        Assert.Equal(new Practitioner(added.Id, "health", "New Person", "Nurse", "new@health.example", null, null, ContactMethod.Email,
            PractitionerStatus.Active, "new-sub"), added);
        Assert.Equal(["LockAgency health", "IsSubjectInUse new-sub", "InsertPractitioner", "AppendAudit"], _tx.Calls);
        Assert.Equal([ChangeAudit.AddedPractitioner(Admin, Now, added, _tx.Agencies["health"])], _tx.Audit);

        _tx.Calls.Clear();
        _tx.Written.Clear();
        _tx.Audit.Clear();
        _tx.SubjectsInUse.Add("new-sub");
        await Refused(ErrorCode.Conflict, "A practitioner already signs in with this subject.", () => _changes.AddPractitionerAsync(input, Admin, default),
            "LockAgency health", "IsSubjectInUse new-sub");
        _tx.Calls.Clear();
        await Refused(ErrorCode.NotFound, "No agency has the id 'a9'.", () => _changes.AddPractitionerAsync(input with { AgencyId = "a9" }, Admin, default),
            "LockAgency a9");
    }

    [Fact]
    public async Task A_follow_up_is_routed_to_the_familys_team_and_on_the_trail()
    {
        _tx.Candidates = new([_tx.Agencies["health"]], [], []);

        var followUp = await _changes.RequestFollowUpAsync(new NewFollowUp("f1", " No contact since May "), Admin, default);

        Assert.Equal(("f1", Now, "No contact since May", FollowUpRoute.Team), (followUp.FamilyId, followUp.RequestedAt, followUp.Reason, followUp.Route));
        Assert.Equal(["health"], followUp.AgencyIds);
        Assert.Equal(["LockFamily f1", "GetFollowUpCandidates f1 CountyCouncil", "InsertFollowUp", "AppendAudit"], _tx.Calls);
        Assert.Equal("Routed to the family's team of 1 agencies.", Assert.Single(_tx.Audit).Detail);

        _tx.Calls.Clear();
        _tx.Written.Clear();
        _tx.Audit.Clear();
        await Refused(ErrorCode.NotFound, "No family has the id 'f9'.", () => _changes.RequestFollowUpAsync(new NewFollowUp("f9", "Why"), Admin, default),
            "LockFamily f9");
    }
}
