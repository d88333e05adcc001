using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Reports;

/// <summary>Where a commissioner's follow-up goes: the team, else the duty lines, never decided by a restricted service.</summary>
public sealed class FollowUpRoutingTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Monday.UtcDateTime);
    private static readonly DataSharingAgreement Lapsed = new(AgreementStatus.Active, new DateOnly(2020, 1, 1), Today.AddDays(-1));
    private static readonly Actor Commissioner = new("commissioner-sub", null, "req-1");

    private static FollowUpCandidates Candidates(Agency[]? team = null, Agency[]? worked = null, Agency[]? leads = null) =>
        new(team ?? [], worked ?? [], leads ?? []);

    [Fact]
    public void A_family_with_a_team_is_followed_up_by_its_agencies_under_agreement_with_its_restricted_services_told_too()
    {
        var (route, ids) = Candidates(
            team: [Agency("school"), Agency("aid", restricted: true), Agency("lapsed", agreement: Lapsed), Agency("health"), Agency("school")],
            worked: [Agency("police")], leads: [Agency("council")]).Choose(Today);

        Assert.Equal(FollowUpRoute.Team, route);
        Assert.Equal(["aid", "health", "school"], ids);
    }

    [Fact]
    public void A_team_of_restricted_services_alone_does_not_route_it_to_the_team()
    {
        var (route, ids) = Candidates(team: [Agency("aid", restricted: true)], worked: [Agency("police")]).Choose(Today);

        Assert.Equal(FollowUpRoute.Duty, route);
        Assert.Equal(["aid", "police"], ids);
    }

    [Fact]
    public void Without_a_team_it_goes_to_the_duty_lines_of_those_who_worked_with_the_family_else_of_the_lead_agencies()
    {
        var worked = Candidates(worked: [Agency("police"), Agency("old-aid", restricted: true), Agency("gone", agreement: Lapsed)],
            leads: [Agency("council")]).Choose(Today);
        Assert.Equal(FollowUpRoute.Duty, worked.Route);
        Assert.Equal(["old-aid", "police"], worked.AgencyIds);

        var leads = Candidates(worked: [Agency("gone", agreement: Lapsed), Agency("old-aid", restricted: true)],
            leads: [Agency("council"), Agency("lapsed-council", agreement: Lapsed)]).Choose(Today);
        Assert.Equal(FollowUpRoute.Duty, leads.Route);
        Assert.Equal(["council", "old-aid"], leads.AgencyIds);
    }

    [Fact]
    public void With_nobody_to_send_it_to_it_goes_nowhere_not_even_to_a_restricted_service()
    {
        var (route, ids) = Candidates(worked: [Agency("old-aid", restricted: true)], leads: [Agency("aid-lead", restricted: true)]).Choose(Today);

        Assert.Equal(FollowUpRoute.Duty, route);
        Assert.Empty(ids);
    }

    [Fact]
    public void A_routed_request_says_where_it_went_and_a_request_with_nowhere_to_go_is_a_conflict()
    {
        var request = new NewFollowUp("family-1", "No contact since May");

        var (team, teamAudit) = request.Routed(Candidates(team: [Agency("school"), Agency("health")]), Monday, Commissioner);
        Assert.Equal(("family-1", Monday, "No contact since May", FollowUpRoute.Team), (team.FamilyId, team.RequestedAt, team.Reason, team.Route));
        Assert.Equal(["health", "school"], team.AgencyIds);
        Assert.Equal(new AuditEntry(Monday, "commissioner-sub", null, AuditAction.RequestFollowUp, null, "family-1", "No contact since May",
            "Routed to the family's team of 2 agencies.", "req-1"), teamAudit);

        var (_, dutyAudit) = request.Routed(Candidates(leads: [Agency("council")]), Monday, Commissioner);
        Assert.Equal("Routed to the duty contacts of 1 agencies.", dutyAudit.Detail);

        var nowhere = Assert.Throws<PatchworkException>(() => request.Routed(Candidates(), Monday, Commissioner));
        Assert.Equal(ErrorCode.Conflict, nowhere.Code);
        Assert.Equal("The family has no team and no agency with a data-sharing agreement in force to route the request to.", nowhere.Message);
    }

    [Fact]
    public void The_key_worker_comes_from_the_county_council() => Assert.Equal([AgencyKind.CountyCouncil], KeyWorker.LeadKinds);
}
