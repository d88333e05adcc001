using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Teams, and the visits shown with them.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task A_client_team_is_its_current_involvements_with_last_contact_and_next_visit()
    {
        var store = await NetworkAsync();

        var team = (await store.GetClientTeamsAsync([Alice], Ct))[Alice];

        // Sam: last is the phone call (−3d), not the cancelled (+1d) or overdue (−2d) visits; next skips both.
        // Nina: the missed visit (−1d) is neither a contact nor a next visit.
        Assert.Equal(
            [
                Line(Sam, [Alice], Days(-300), Days(-3), Days(5)),
                Line(Nina, [Alice], Days(-200), Days(-20), Days(2)),
            ],
            team.Select(Line));
    }

    [ContractFact]
    public async Task A_team_member_carries_the_practitioner_and_agency_in_full()
    {
        var store = await NetworkAsync();

        var nina = (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Nina);

        Assert.Equal(PractitionerRecord(Nina), nina.Practitioner);
        Assert.Equal(AgencyRecord(Health), nina.Agency);
        Assert.Equal([ClientRecord(Alice)], nina.Supports);
    }

    [ContractFact]
    public async Task A_family_team_member_carries_each_client_they_support_in_full()
    {
        var store = await NetworkAsync();

        var sam = (await store.GetFamilyTeamsAsync([Smiths], Ct))[Smiths].Single(m => m.Practitioner.Id == Sam);

        // Family and relationship included, so a view of the team needs nothing more to name them.
        Assert.Equal([ClientRecord(Alice), ClientRecord(Zoe)], sam.Supports);
        Assert.All(sam.Supports, c => Assert.Equal(Smiths, c.FamilyId));
    }

    [ContractFact]
    public async Task A_client_team_lists_restricted_members_last_and_leaves_ended_involvements_out()
    {
        var store = await NetworkAsync();

        var teams = await store.GetClientTeamsAsync([Zoe, Ben, Eve], Ct);

        Assert.Equal(
            [
                Line(Tom, [Zoe], Days(-120), null, null),
                Line(Sam, [Zoe], Days(-100), Days(-1), Days(7)),
                Line(Rita, [Zoe], Days(-50), null, Days(3), restricted: true),
            ],
            teams[Zoe].Select(Line));
        // A visit planned for exactly now still counts as next; Rita's ended involvement with Ben is gone.
        Assert.Equal(
            [
                Line(Tom, [Ben], Days(-150), null, Now),
                Line(Nina, [Ben], Days(-80), null, null, restricted: true),
            ],
            teams[Ben].Select(Line));
        Assert.Empty(teams[Eve]);
    }

    [ContractFact]
    public async Task Next_visit_moves_on_once_its_time_has_passed()
    {
        var store = await NetworkAsync();
        Time.Now = Days(6);

        var sam = (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Sam);

        Assert.Equal(Days(40), sam.NextVisitAt);
    }

    [ContractFact]
    public async Task A_family_team_has_one_entry_per_practitioner_merged_across_members()
    {
        var store = await NetworkAsync();

        var team = (await store.GetFamilyTeamsAsync([Smiths], Ct))[Smiths];

        // since = earliest, last = latest, next = earliest; restricted with any member = restricted for the family.
        Assert.Equal(
            [
                Line(Sam, [Alice, Zoe], Days(-300), Days(-1), Days(5)),
                Line(Tom, [Ben, Zoe], Days(-150), null, Now),
                Line(Nina, [Alice, Ben], Days(-200), Days(-20), Days(2), restricted: true),
                Line(Rita, [Zoe], Days(-50), null, Days(3), restricted: true),
            ],
            team.Select(Line));
    }

    [ContractFact]
    public async Task A_family_team_is_keyed_by_the_family_asked_for_and_unknown_families_have_none()
    {
        var store = await NetworkAsync();

        var teams = await store.GetFamilyTeamsAsync([Smiths, "fa-missing"], Ct);

        // Every family asked for is in the answer; one the store does not hold has an empty team.
        Assert.Equal(["fa-missing", Smiths], teams.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(teams[Smiths]);
        Assert.Empty(teams["fa-missing"]);
    }

    [ContractFact]
    public async Task Upcoming_visits_are_planned_and_not_yet_due_soonest_first()
    {
        var store = await NetworkAsync();

        var upcoming = await store.GetUpcomingVisitsAsync([Alice, Zoe, Ben], 10, Ct);

        Assert.Equal([NinaAliceNext, SamAliceNext, SamAliceLater], upcoming[Alice].Select(v => v.Id));
        Assert.Equal([RitaZoeNext, SamZoeNext], upcoming[Zoe].Select(v => v.Id));
        Assert.Equal([TomBenNow], upcoming[Ben].Select(v => v.Id));
        Assert.Equal(VisitRecord(NinaAliceNext), upcoming[Alice][0]);
    }

    [ContractFact]
    public async Task Upcoming_visits_are_limited_per_client()
    {
        var store = await NetworkAsync();

        var upcoming = await store.GetUpcomingVisitsAsync([Alice, Zoe], 1, Ct);

        Assert.Equal([NinaAliceNext], upcoming[Alice].Select(v => v.Id));
        Assert.Equal([RitaZoeNext], upcoming[Zoe].Select(v => v.Id));
    }

    [ContractFact]
    public async Task At_least_one_visit_per_client_is_returned_however_few_are_asked_for()
    {
        var store = await NetworkAsync();

        var upcoming = await store.GetUpcomingVisitsAsync([Alice, "cl-missing"], 0, Ct);

        Assert.Equal([NinaAliceNext], upcoming[Alice].Select(v => v.Id));
        Assert.Empty(upcoming["cl-missing"]);
    }

    [ContractFact]
    public async Task Recent_contacts_are_completed_visits_latest_first_limited_per_client()
    {
        var store = await NetworkAsync();

        var recent = await store.GetRecentContactsAsync([Alice, Ben, Eve, Daniel], 2, Ct);

        Assert.Equal([SamAlicePhoned, SamAliceVisited], recent[Alice].Select(v => v.Id));
        Assert.Equal([FredEveVisited], recent[Eve].Select(v => v.Id));
        Assert.Empty(recent[Daniel]);
        Assert.Equal(VisitRecord(SamAlicePhoned), recent[Alice][0]);
    }

    [ContractFact]
    public async Task A_visit_is_restricted_when_any_involvement_of_the_pair_was_restricted_even_an_ended_one()
    {
        var store = await NetworkAsync();

        var ben = (await store.GetRecentContactsAsync([Ben], 10, Ct))[Ben];
        var zoe = (await store.GetUpcomingVisitsAsync([Zoe], 10, Ct))[Zoe];

        Assert.True(Assert.Single(ben).Restricted);
        Assert.Equal([true, false], zoe.Select(v => v.Restricted));
    }
}
