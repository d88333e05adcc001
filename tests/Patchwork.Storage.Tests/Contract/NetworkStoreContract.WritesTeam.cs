using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Joining and leaving teams, and a practitioner's contact details.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task Joining_a_team_adds_the_practitioner_with_their_reason()
    {
        var store = await NetworkAsync();

        var involvement = await Changes(store).JoinTeamAsync(Eve, " Falls prevention visit ", false, ActorFor(Oscar), Ct);

        Assert.Equal(new Involvement(Oscar, Eve, Now, "Falls prevention visit", false, null, null), involvement);
        Assert.Equal([Line(Oscar, [Eve], Now, null, null)], (await store.GetClientTeamsAsync([Eve], Ct))[Eve].Select(Line));
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.JoinTeam, Oscar, Eve, "Falls prevention visit"), (entry.Action, entry.PractitionerId, entry.ClientId, entry.Reason));
    }

    [ContractFact]
    public async Task Joining_as_restricted_or_from_a_restricted_service_is_restricted()
    {
        var store = await NetworkAsync();

        var asked = await Changes(store).JoinTeamAsync(Eve, "Substance misuse support", true, ActorFor(Oscar), Ct);
        var service = await Changes(store).JoinTeamAsync(Daniel, "Clinic referral", false, ActorFor(Rita), Ct);

        Assert.True(asked.Restricted);
        Assert.True(service.Restricted);
        Assert.True(Assert.Single((await store.GetClientTeamsAsync([Daniel], Ct))[Daniel]).Restricted);
    }

    [ContractFact]
    public async Task Joining_a_team_twice_is_a_conflict_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).JoinTeamAsync(Alice, "Again", false, ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Joining_the_team_of_an_unknown_client_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).JoinTeamAsync("cl-missing", "Referral", false, ActorFor(Oscar), Ct));
    }

    [ContractFact]
    public async Task Joining_a_team_without_a_reason_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).JoinTeamAsync(Eve, "   ", false, ActorFor(Oscar), Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).JoinTeamAsync(Eve, new string('x', 501), false, ActorFor(Oscar), Ct));
    }

    [ContractFact]
    public async Task Leaving_a_team_ends_the_involvement_and_cancels_the_leaver_s_planned_visits()
    {
        var store = await NetworkAsync();
        Time.Now = Days(1);

        var ended = await Changes(store).LeaveTeamAsync(Alice, "Case transferred", ActorFor(Sam), Ct);

        Assert.Equal(new Involvement(Sam, Alice, Days(-300), "Referred by the duty team", false, Days(1), "Case transferred"), ended);
        Assert.Equal([Nina], (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Select(m => m.Practitioner.Id));
        Assert.Equal([NinaAliceNext], (await store.GetUpcomingVisitsAsync([Alice], 10, Ct))[Alice].Select(v => v.Id));
        foreach (var id in new[] { SamAliceNext, SamAliceLater, SamAliceOverdue })
        {
            Assert.Equal(VisitStatus.Cancelled, (await store.GetVisitAsync(id, Ct))!.Status);
        }
        // Completed visits stay as they were, and Sam's visits with Zoë are untouched.
        Assert.Equal(VisitStatus.Completed, (await store.GetVisitAsync(SamAlicePhoned, Ct))!.Status);
        Assert.Equal(VisitStatus.Planned, (await store.GetVisitAsync(SamZoeNext, Ct))!.Status);
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.LeaveTeam, Alice, "Case transferred", Days(1)), (entry.Action, entry.ClientId, entry.Reason, entry.At));
    }

    [ContractFact]
    public async Task After_leaving_the_family_stays_in_reach_only_through_other_members()
    {
        var store = await NetworkAsync();

        await Changes(store).LeaveTeamAsync(Alice, "Case transferred", ActorFor(Sam), Ct);
        Assert.Equal([Alice, Ben, Zoe], Ids(await store.GetClientsInReachAsync(Sam, ClientIds, Ct)));

        await Changes(store).LeaveTeamAsync(Zoe, "Case transferred", ActorFor(Sam), Ct);
        Assert.Empty(await store.GetClientsInReachAsync(Sam, ClientIds, Ct));
    }

    [ContractFact]
    public async Task A_practitioner_can_rejoin_a_team_they_left()
    {
        var store = await NetworkAsync();
        await Changes(store).LeaveTeamAsync(Alice, "Case transferred", ActorFor(Sam), Ct);
        Time.Now = Days(10);

        var rejoined = await Changes(store).JoinTeamAsync(Alice, "Case returned", false, ActorFor(Sam), Ct);

        Assert.Equal(Days(10), rejoined.Since);
        Assert.Contains(Line(Sam, [Alice], Days(10), Days(-3), null), (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Select(Line));
    }

    [ContractFact]
    public async Task Leaving_a_team_one_is_not_in_is_a_conflict_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).LeaveTeamAsync(Alice, "Not mine", ActorFor(Oscar), Ct));
        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).LeaveTeamAsync(Eve, "Already left", ActorFor(Fred), Ct));
    }

    [ContractFact]
    public async Task Leaving_the_team_of_an_unknown_client_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).LeaveTeamAsync("cl-missing", "Gone", ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Leaving_a_team_without_a_reason_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).LeaveTeamAsync(Alice, "", ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Updating_contact_details_changes_only_the_actor_s_details()
    {
        var store = await NetworkAsync();

        var updated = await Changes(store).UpdateContactDetailsAsync(
            new ContactDetails(" sam.patel@council.example ", "+44 7700 900999", null, ContactMethod.Email), ActorFor(Sam), Ct);

        var expected = PractitionerRecord(Sam) with
        {
            Email = "sam.patel@council.example",
            Mobile = "07700900999",
            Landline = null,
            PreferredContact = ContactMethod.Email,
        };
        Assert.Equal(expected, updated);
        var practitioners = await store.GetPractitionersAsync([Sam, Nina], Ct);
        Assert.Equal(expected, practitioners[Sam]);
        Assert.Equal(PractitionerRecord(Nina), practitioners[Nina]);
        Assert.Equal(AuditAction.UpdateContactDetails, Assert.Single(await AuditTrailAsync(store)).Action);
    }

    [ContractFact]
    public async Task Contact_details_whose_preferred_method_is_missing_change_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).UpdateContactDetailsAsync(new ContactDetails("sam@council.example", null, null, ContactMethod.Mobile), ActorFor(Sam), Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).UpdateContactDetailsAsync(new ContactDetails("not-an-email", null, null, ContactMethod.Email), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Updating_the_details_of_an_unknown_practitioner_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).UpdateContactDetailsAsync(new ContactDetails("x@y.example", null, null, ContactMethod.Email), ActorFor("pr-missing"), Ct));
    }
}
