using Patchwork.Api.Governance;
using Patchwork.Api.Identity;
using Patchwork.Network;
using static Patchwork.Governance.Tests.People;

namespace Patchwork.Governance.Tests;

/// <summary>
/// The household rule on its own: a practitioner restricted with any member is withheld everywhere in the household,
/// and each agency with a restricted involvement shows once, as a notice with nothing but the agency.
/// </summary>
public sealed class DisclosureRuleTests
{
    private static TeamMember Entry(string practitionerId, string agencyId, string clientId, bool restricted) =>
        new(Practitioner(practitionerId, agencyId), Agency(agencyId, restricted: agencyId.StartsWith("aid", StringComparison.Ordinal)),
            [Client(clientId)], Monday.AddDays(-30), Monday.AddDays(-2), Monday.AddDays(3), restricted);

    // The health visitor supports Ada openly and Bea under a restriction; two workers of one women's aid service and one
    // of another support Bea; the viewer's own restricted involvement with Ada; an open social worker.
    private static readonly TeamMember[] Household =
    [
        Entry("social", "council", "ada", restricted: false),
        Entry("health-visitor", "health", "ada", restricted: false),
        Entry("health-visitor", "health", "bea", restricted: true),
        Entry("aid-2", "aid-z", "bea", restricted: true),
        Entry("aid-1", "aid-a", "bea", restricted: true),
        Entry("aid-1b", "aid-a", "bea", restricted: true),
        Entry("me", "aid-m", "ada", restricted: true),
    ];

    private static readonly Viewer Me = PractitionerViewer("me");

    [Fact]
    public void A_practitioner_restricted_with_any_member_is_left_out_of_every_team_even_where_their_involvement_is_open()
    {
        var disclosure = new Disclosure(Household, Me);

        var adasTeam = disclosure.Team(Household.Where(e => e.Supports[0].Id == "ada"));

        Assert.Equal(["social", "me", "aid-a", "aid-z", "health"],
            adasTeam.Select(e => e.Restricted && e.Practitioner.Id != "me" ? e.Agency.Id : e.Practitioner.Id));
        Assert.True(disclosure.Withholds("health-visitor"));
        Assert.True(disclosure.Withholds("aid-1b"));
        Assert.False(disclosure.Withholds("social"));
        Assert.False(disclosure.Withholds("me"));
    }

    [Fact]
    public void Every_team_of_the_household_ends_with_the_same_notices_one_per_agency_in_agency_order()
    {
        var disclosure = new Disclosure(Household, Me);

        var notices = disclosure.Team([]);

        Assert.Equal(["aid-a", "aid-z", "health"], notices.Select(n => n.Agency.Id));
        Assert.Equal(notices, disclosure.Team(Household.Where(e => e.Supports[0].Id == "bea")).Where(e => e.Restricted));
    }

    [Fact]
    public void A_notice_carries_the_agency_and_nothing_else()
    {
        var notice = new Disclosure(Household, Me).Team([]).First(n => n.Agency.Id == "health");

        Assert.Empty(notice.Supports);
        Assert.Equal(DateTimeOffset.UnixEpoch, notice.Since);
        Assert.Null(notice.LastContactAt);
        Assert.Null(notice.NextVisitAt);
        Assert.True(notice.Restricted);
        Assert.Equal(Agency("health"), notice.Agency);
    }

    [Fact]
    public void The_restricted_practitioner_sees_their_own_involvement_in_full_and_no_notice_for_it()
    {
        var disclosure = new Disclosure(Household, PractitionerViewer("health-visitor"));

        var team = disclosure.Team(Household);

        Assert.Equal(2, team.Count(e => e.Practitioner.Id == "health-visitor"));
        Assert.DoesNotContain(team, e => e.Agency.Id == "health" && e.Supports.Count == 0);
        Assert.False(disclosure.Withholds("health-visitor"));
        Assert.True(disclosure.Withholds("me"));
    }

    [Fact]
    public void A_household_with_nothing_restricted_shows_every_entry_and_no_notice()
    {
        TeamMember[] open = [Entry("social", "council", "ada", false), Entry("nurse", "health", "bea", false)];

        Assert.Equal(open, new Disclosure(open, Me).Team(open));
    }

    [Fact]
    public void Visits_show_only_when_open_and_not_by_a_withheld_practitioner_or_when_the_viewers_own()
    {
        var disclosure = new Disclosure(Household, Me);
        Visit Visit(string id, string practitionerId, bool restricted) =>
            new(id, "ada", practitionerId, VisitMode.Phone, VisitStatus.Planned, Monday, null, restricted);

        var shown = disclosure.Visits(
        [
            Visit("open", "social", false),
            Visit("withheld-but-open", "health-visitor", false),
            Visit("restricted", "health-visitor", true),
            Visit("restricted-other", "stranger", true),
            Visit("mine", "me", true),
        ]);

        Assert.Equal(["open", "mine"], shown.Select(v => v.Id));
    }

    [Fact]
    public void Team_changes_show_on_the_same_rule()
    {
        var disclosure = new Disclosure(Household, Me);
        TeamChange Change(string practitionerId, bool restricted) =>
            new("ada", Practitioner(practitionerId), Agency("health"), TeamChangeKind.Joined, Monday, "Allocated", restricted);

        var shown = disclosure.Changes([Change("social", false), Change("health-visitor", false), Change("stranger", true), Change("me", true)]);

        Assert.Equal(["social", "me"], shown.Select(c => c.Practitioner.Id));
    }

    [Fact]
    public void A_viewer_with_no_practitioner_sees_no_restricted_entry_visit_or_change()
    {
        var analyst = WithRoles(Role.Analyst);
        var disclosure = new Disclosure(Household, analyst);

        Assert.Equal(["social"], disclosure.Team(Household).Where(e => !e.Restricted).Select(e => e.Practitioner.Id));
        Assert.True(disclosure.Withholds("me"));
        Assert.Empty(disclosure.Visits([new Visit("v", "ada", "me", VisitMode.Phone, VisitStatus.Planned, Monday, null, true)]));
    }

    [Fact]
    public void An_entry_or_change_is_masked_when_restricted_and_not_the_viewers_own()
    {
        var restricted = Entry("aid-1", "aid-a", "bea", restricted: true);
        var change = new TeamChange("bea", Practitioner("aid-1"), Agency("aid-a", true), TeamChangeKind.Left, Monday, "Closed", Restricted: true);

        Assert.True(Disclosure.IsMasked(restricted, Me));
        Assert.False(Disclosure.IsMasked(restricted, PractitionerViewer("aid-1")));
        Assert.False(Disclosure.IsMasked(restricted with { Restricted = false }, Me));
        Assert.True(Disclosure.IsMasked(restricted, WithRoles(Role.Admin)));
        Assert.True(Disclosure.IsMasked(change, Me));
        Assert.False(Disclosure.IsMasked(change, PractitionerViewer("aid-1")));
        Assert.False(Disclosure.IsMasked(change with { Restricted = false }, Me));
        Assert.True(Disclosure.IsMasked(change, WithRoles(Role.Commissioner)));
    }
}
