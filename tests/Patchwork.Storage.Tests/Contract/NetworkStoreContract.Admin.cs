using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Administration: agencies and their agreements, practitioners joining an agency and leaving it.
public abstract partial class NetworkStoreContract<TStore>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly DataSharingAgreement SignedLastWeek =
        new(AgreementStatus.Active, Today.AddDays(-7), Today.AddYears(3));

    private static NewAgency NewAgencyInput(string name = "Norfolk Fire and Rescue") =>
        new(name, AgencyKind.Fire, "+44 1603 810351", " duty@fire.example ", false, SignedLastWeek);

    private static NewPractitioner NewPractitionerInput(string agencyId = Health, string subject = "idp|pat-lee") =>
        new(agencyId, " Pat Lee ", "Health visitor", " pat.lee@health.example ", "+44 7700 900555", null,
            ContactMethod.Mobile, subject);

    private static DataSharingAgreement Agreement(AgreementStatus status, int? signedInDays, int? expiresInDays) =>
        new(status, signedInDays is null ? null : Today.AddDays(signedInDays.Value),
            expiresInDays is null ? null : Today.AddDays(expiresInDays.Value));

    [ContractFact]
    public async Task Onboarding_an_agency_stores_it_normalised_under_its_agreement()
    {
        var store = await NetworkAsync();

        var agency = await Changes(store).OnboardAgencyAsync(NewAgencyInput(" Norfolk Fire and Rescue "), Admin, Ct);

        var expected = new Agency(agency.Id, "Norfolk Fire and Rescue", AgencyKind.Fire, "01603810351", "duty@fire.example",
            false, SignedLastWeek);
        Assert.Equal(expected, agency);
        Assert.DoesNotContain(agency.Id, AgencyIds);
        Assert.Equal(expected, (await store.GetAgenciesByIdAsync([agency.Id], Ct))[agency.Id]);
        Assert.Equal(
            [.. Snapshot.Agencies.Append(expected).OrderBy(a => a.Name, StringComparer.Ordinal)],
            await store.GetAgenciesAsync(Ct));
    }

    [ContractFact]
    public async Task Onboarding_an_agency_is_audited_with_its_name_for_an_actor_who_is_no_practitioner()
    {
        var store = await NetworkAsync();

        await Changes(store).OnboardAgencyAsync(NewAgencyInput(), Admin, Ct);

        Assert.Equal(
            new AuditEntry(Now, "idp|admin", null, AuditAction.OnboardAgency, null, null, null, "Norfolk Fire and Rescue", "req-admin"),
            Assert.Single(await AuditTrailAsync(store)));
    }

    [ContractTheory]
    [InlineData("Norfolk County Council")]
    [InlineData("NORFOLK COUNTY COUNCIL")]
    [InlineData("  norfolk county Council ")]
    public async Task Onboarding_an_agency_whose_name_is_taken_in_any_case_is_a_conflict_and_changes_nothing(string name)
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict, () => Changes(store).OnboardAgencyAsync(NewAgencyInput(name), Admin, Ct));
    }

    [ContractFact]
    public async Task Agency_names_are_compared_in_every_letter_case_not_only_ascii()
    {
        var store = await NetworkAsync();
        await Changes(store).OnboardAgencyAsync(NewAgencyInput("Équipe Santé Öffentlich"), Admin, Ct);

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput("ÉQUIPE SANTÉ ÖFFENTLICH"), Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput("équipe santé öffentlich"), Admin, Ct));
    }

    [ContractFact]
    public async Task Onboarding_an_agency_with_bad_input_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput("  "), Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput() with { DutyPhone = "999" }, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput() with { DutyEmail = "duty desk" }, Admin, Ct));
    }

    [ContractFact]
    public async Task Setting_an_agreement_changes_only_that_agency_and_is_audited_with_the_new_status()
    {
        var store = await NetworkAsync();
        var suspended = AgencyRecord(Health).Agreement with { Status = AgreementStatus.Suspended };

        var agency = await Changes(store).SetAgreementAsync(Health, suspended, Admin, Ct);

        Assert.Equal(AgencyRecord(Health) with { Agreement = suspended }, agency);
        Assert.False(agency.Agreement.IsInForce(Today));
        var agencies = await store.GetAgenciesByIdAsync([Health, Council], Ct);
        Assert.Equal(agency, agencies[Health]);
        Assert.Equal(AgencyRecord(Council), agencies[Council]);
        Assert.Equal(
            new AuditEntry(Now, "idp|admin", null, AuditAction.SetAgreement, null, null, null, "Norfolk Community Health: Suspended", "req-admin"),
            Assert.Single(await AuditTrailAsync(store)));
    }

    [ContractFact]
    public async Task An_agreement_that_is_not_active_may_leave_its_dates_out()
    {
        var store = await NetworkAsync();
        var draft = new DataSharingAgreement(AgreementStatus.Draft, null, null);

        await Changes(store).SetAgreementAsync(School, draft, Admin, Ct);

        Assert.Equal(AgencyRecord(School) with { Agreement = draft }, (await store.GetAgenciesByIdAsync([School], Ct))[School]);
    }

    [ContractFact]
    public async Task An_onboarded_draft_agreement_can_later_be_signed()
    {
        var store = await NetworkAsync();
        var agency = await Changes(store).OnboardAgencyAsync(
            NewAgencyInput() with { Agreement = new DataSharingAgreement(AgreementStatus.Draft, null, null) }, Admin, Ct);
        Time.Now = Days(2);

        var signed = await Changes(store).SetAgreementAsync(agency.Id, Agreement(AgreementStatus.Active, 1, 366), Admin, Ct);

        Assert.True(signed.Agreement.IsInForce(DateOnly.FromDateTime(Days(2).UtcDateTime)));
        Assert.Equal(signed, (await store.GetAgenciesByIdAsync([agency.Id], Ct))[agency.Id]);
        Assert.Equal([AuditAction.SetAgreement, AuditAction.OnboardAgency], (await AuditTrailAsync(store)).Select(e => e.Action));
    }

    // Offsets are days from today; null leaves the date out.
    [ContractTheory]
    [InlineData(AgreementStatus.Active, null, 365)]
    [InlineData(AgreementStatus.Active, null, null)]
    [InlineData(AgreementStatus.Active, 1, 365)]
    [InlineData(AgreementStatus.Draft, 1, null)]
    [InlineData(AgreementStatus.Active, -10, -20)]
    [InlineData(AgreementStatus.Expired, -10, -11)]
    public async Task An_agreement_that_does_not_hold_together_is_bad_input_and_changes_nothing(
        AgreementStatus status, int? signedInDays, int? expiresInDays)
    {
        var store = await NetworkAsync();
        var agreement = Agreement(status, signedInDays, expiresInDays);

        await AssertRejectedAsync(store, ErrorCode.BadUserInput, () => Changes(store).SetAgreementAsync(Council, agreement, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).OnboardAgencyAsync(NewAgencyInput() with { Agreement = agreement }, Admin, Ct));
    }

    [ContractFact]
    public async Task Setting_the_agreement_of_an_unknown_agency_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound, () => Changes(store).SetAgreementAsync("ag-missing", SignedLastWeek, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput, () => Changes(store).SetAgreementAsync("not an id!", SignedLastWeek, Admin, Ct));
    }

    [ContractFact]
    public async Task Adding_a_practitioner_makes_them_active_and_able_to_sign_in_and_join_a_team()
    {
        var store = await NetworkAsync();

        var added = await Changes(store).AddPractitionerAsync(NewPractitionerInput(), Admin, Ct);

        var expected = new Practitioner(added.Id, Health, "Pat Lee", "Health visitor", "pat.lee@health.example", "07700900555",
            null, ContactMethod.Mobile, PractitionerStatus.Active, "idp|pat-lee");
        Assert.Equal(expected, added);
        Assert.DoesNotContain(added.Id, PractitionerIds);
        Assert.Equal(new PractitionerAccount(expected, AgencyRecord(Health)), await store.FindAccountAsync("idp|pat-lee", Ct));
        Assert.Equal(expected, (await store.GetPractitionersAsync([added.Id], Ct))[added.Id]);
        await Changes(store).JoinTeamAsync(Eve, "New birth visit", false, new Actor("idp|pat-lee", added.Id, "req-pat"), Ct);
        var member = Assert.Single((await store.GetClientTeamsAsync([Eve], Ct))[Eve]);
        Assert.Equal((expected, AgencyRecord(Health)), (member.Practitioner, member.Agency));
    }

    [ContractFact]
    public async Task Adding_a_practitioner_is_audited_with_who_was_added_where()
    {
        var store = await NetworkAsync();

        var added = await Changes(store).AddPractitionerAsync(NewPractitionerInput(), Admin, Ct);

        Assert.Equal(
            new AuditEntry(Now, "idp|admin", null, AuditAction.AddPractitioner, null, null, null,
                $"practitioner {added.Id} (Pat Lee, Health visitor) added to Norfolk Community Health", "req-admin"),
            Assert.Single(await AuditTrailAsync(store)));
    }

    [ContractFact]
    public async Task An_onboarded_agency_takes_practitioners()
    {
        var store = await NetworkAsync();
        var agency = await Changes(store).OnboardAgencyAsync(NewAgencyInput(), Admin, Ct);

        var added = await Changes(store).AddPractitionerAsync(NewPractitionerInput(agency.Id), Admin, Ct);

        Assert.Equal(agency.Id, added.AgencyId);
        Assert.Equal(new PractitionerAccount(added, agency), await store.FindAccountAsync("idp|pat-lee", Ct));
    }

    [ContractTheory]
    [InlineData(Sam)]
    [InlineData(Fred)]
    public async Task Adding_a_practitioner_whose_subject_is_taken_is_a_conflict_and_changes_nothing(string holder)
    {
        var store = await NetworkAsync();

        // Even by someone who has left: a subject always signs in as the same person.
        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput(subject: NetworkBuilder.SubjectOf(holder)), Admin, Ct));
        Assert.Equal(PractitionerRecord(holder), (await store.FindAccountAsync(NetworkBuilder.SubjectOf(holder), Ct))?.Practitioner);
    }

    [ContractFact]
    public async Task Adding_a_practitioner_to_an_unknown_agency_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput("ag-missing"), Admin, Ct));
        Assert.Null(await store.FindAccountAsync("idp|pat-lee", Ct));
    }

    [ContractFact]
    public async Task Adding_a_practitioner_with_bad_input_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput() with { Name = " " }, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput() with { PreferredContact = ContactMethod.Landline }, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput("not an id!"), Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddPractitionerAsync(NewPractitionerInput(subject: "  "), Admin, Ct));
        Assert.Null(await store.FindAccountAsync("idp|pat-lee", Ct));
    }

    [ContractFact]
    public async Task A_practitioner_who_leaves_leaves_every_team_and_their_planned_visits_are_cancelled()
    {
        var store = await NetworkAsync();
        Time.Now = Days(1);

        var left = await Changes(store).RecordPractitionerLeftAsync(Sam, Admin, Ct);

        Assert.Equal(PractitionerRecord(Sam) with { Status = PractitionerStatus.Left }, left);
        Assert.Equal(left, (await store.GetPractitionersAsync([Sam], Ct))[Sam]);
        Assert.Equal(new PractitionerAccount(left, AgencyRecord(Council)), await store.FindAccountAsync(NetworkBuilder.SubjectOf(Sam), Ct));
        var teams = await store.GetClientTeamsAsync([Alice, Zoe], Ct);
        Assert.Equal([Nina], teams[Alice].Select(m => m.Practitioner.Id));
        Assert.Equal([Tom, Rita], teams[Zoe].Select(m => m.Practitioner.Id));
        Assert.Equal([Tom, Nina, Rita], (await store.GetFamilyTeamsAsync([Smiths], Ct))[Smiths].Select(m => m.Practitioner.Id));
        Assert.Empty(await store.GetMyClientsAsync(Sam, Ct));
        Assert.Empty(await store.GetClientsInReachAsync(Sam, ClientIds, Ct));
        foreach (var id in new[] { SamAliceOverdue, SamAliceNext, SamAliceLater, SamZoeNext })
        {
            Assert.Equal(VisitRecord(id) with { Status = VisitStatus.Cancelled }, await store.GetVisitAsync(id, Ct));
        }
        // Contacts that happened stay, and nobody else's visits change, not even a colleague's at the same agency.
        foreach (var id in new[] { SamAliceVisited, SamAlicePhoned, SamAliceCancelled, SamZoeVisited, NinaAliceNext, YaraDanaNext })
        {
            Assert.Equal(VisitRecord(id), await store.GetVisitAsync(id, Ct));
        }
        Assert.Equal([Dana, Liam], (await store.GetMyClientsAsync(Yara, Ct)).Select(c => c.Id));
    }

    [ContractFact]
    public async Task Each_team_a_leaver_was_in_is_told_that_they_left_and_why()
    {
        var store = await NetworkAsync();
        Time.Now = Days(1);

        await Changes(store).RecordPractitionerLeftAsync(Sam, Admin, Ct);

        var changes = await store.GetTeamChangesAsync([Alice, Zoe, Ben], Now, Ct);
        Assert.Equal([ChangeLine(TeamChangeKind.Left, Sam, Days(1), "Left Norfolk County Council")], changes[Alice].Select(ChangeLine));
        Assert.Equal([ChangeLine(TeamChangeKind.Left, Sam, Days(1), "Left Norfolk County Council")], changes[Zoe].Select(ChangeLine));
        Assert.Empty(changes[Ben]);
        var change = changes[Alice].Single();
        Assert.Equal((PractitionerStatus.Left, AgencyRecord(Council)), (change.Practitioner.Status, change.Agency));
    }

    [ContractFact]
    public async Task A_practitioner_leaving_is_audited_once_and_once_more_for_each_team_they_left()
    {
        var store = await NetworkAsync();
        Time.Now = Days(1);

        await Changes(store).RecordPractitionerLeftAsync(Sam, Admin, Ct);

        var trail = await AuditTrailAsync(store);
        Assert.Equal(
            new AuditEntry(Days(1), "idp|admin", null, AuditAction.PractitionerLeft, null, null, "Left Norfolk County Council",
                "practitioner pr-sam (Sam Patel) left; 2 involvement(s) ended, 4 planned visit(s) cancelled", "req-admin"),
            Assert.Single(trail, e => e.Action == AuditAction.PractitionerLeft));
        Assert.Equal(
            [
                (Alice, "Left Norfolk County Council", Days(1), (string?)null),
                (Zoe, "Left Norfolk County Council", Days(1), null),
            ],
            trail.Where(e => e.Action == AuditAction.LeaveTeam)
                .Select(e => (e.ClientId!, e.Reason!, e.At, e.PractitionerId))
                .OrderBy(e => e.Item1, StringComparer.Ordinal));
        Assert.Equal(3, trail.Count);
        var byAction = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, Action: AuditAction.PractitionerLeft), Ct);
        Assert.Equal(AuditAction.PractitionerLeft, Assert.Single(byAction).Action);
    }

    [ContractFact]
    public async Task A_practitioner_in_no_team_can_leave_too()
    {
        var store = await NetworkAsync();

        var left = await Changes(store).RecordPractitionerLeftAsync(Oscar, Admin, Ct);

        Assert.Equal(PractitionerStatus.Left, left.Status);
        Assert.Equal(left, (await store.GetPractitionersAsync([Oscar], Ct))[Oscar]);
        Assert.Equal(
            "practitioner pr-oscar (Oscar Reid) left; 0 involvement(s) ended, 0 planned visit(s) cancelled",
            Assert.Single(await AuditTrailAsync(store)).Detail);
        Assert.All((await store.GetTeamChangesAsync(ClientIds, Now, Ct)).Values, Assert.Empty);
    }

    [ContractFact]
    public async Task Recording_that_a_practitioner_left_twice_is_a_conflict_and_changes_nothing()
    {
        var store = await NetworkAsync();
        await Changes(store).RecordPractitionerLeftAsync(Nina, Admin, Ct);
        Time.Now = Days(1);

        await AssertRejectedAsync(store, ErrorCode.Conflict, () => Changes(store).RecordPractitionerLeftAsync(Nina, Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.Conflict, () => Changes(store).RecordPractitionerLeftAsync(Fred, Admin, Ct));
    }

    [ContractFact]
    public async Task Recording_that_an_unknown_practitioner_left_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound, () => Changes(store).RecordPractitionerLeftAsync("pr-missing", Admin, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput, () => Changes(store).RecordPractitionerLeftAsync("not an id!", Admin, Ct));
    }
}
