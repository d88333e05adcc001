using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.ReportNetwork;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Commissioners' follow-up requests: routed, stored with their audit entry, or refused leaving nothing.
public abstract partial class NetworkStoreContract<TStore>
{
    private static readonly Actor Commissioner = new("idp|commissioner", null, "req-commissioner");

    private static string Line(FollowUpRequest r) =>
        $"{r.Id} {r.FamilyId} {r.RequestedAt:O} '{r.Reason}' {r.Route} [{string.Join(",", r.AgencyIds)}]";

    [ContractFact]
    public async Task A_follow_up_goes_to_the_familys_team_and_is_audited_without_a_practitioner()
    {
        var reports = await ReportNetworkAsync();

        var request = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "  No contact with the son for 40 days  "), Commissioner, Ct);

        Assert.Equal((F1, FollowUpRoute.Team, "No contact with the son for 40 days", Now), (request.FamilyId, request.Route, request.Reason, request.RequestedAt));
        Assert.Equal([Lead, Nhs, Schools], request.AgencyIds);
        Assert.Equal([Line(request)], (await reports.GetFollowUpRequestsAsync([F1, F2], Ct))[F1].Select(Line));
        Assert.Empty((await reports.GetFollowUpRequestsAsync([F1, F2], Ct))[F2]);
        var entry = (await AuditTrailAsync(reports)).Single();
        Assert.Equal((AuditAction.RequestFollowUp, "idp|commissioner", (string?)null, (string?)F1, (string?)"No contact with the son for 40 days"),
            (entry.Action, entry.Subject, entry.PractitionerId, entry.FamilyId, entry.Reason));
    }

    [ContractFact]
    public async Task Without_a_team_a_follow_up_goes_to_the_duty_contacts_of_agencies_that_worked_with_the_family()
    {
        var reports = await ReportNetworkAsync();

        var clay = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F3, "Nobody has seen the Clays since the case closed"), Commissioner, Ct);
        // The Fords never had anyone: the lead agency's duty contacts are asked.
        Time.Now = Now.AddMinutes(1);
        var ford = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F6, "Referred but never allocated"), Commissioner, Ct);

        Assert.Equal((FollowUpRoute.Duty, Lead), (clay.Route, Assert.Single(clay.AgencyIds)));
        Assert.Equal((FollowUpRoute.Duty, Lead), (ford.Route, Assert.Single(ford.AgencyIds)));
        Assert.Equal([Line(ford), Line(clay)], (await reports.GetDutyFollowUpRequestsAsync(Lead, 10, Ct)).Select(Line));
        Assert.Empty(await reports.GetDutyFollowUpRequestsAsync(Nhs, 10, Ct));
        Assert.Equal([Line(ford)], (await reports.GetDutyFollowUpRequestsAsync(Lead, 1, Ct)).Select(Line));
    }

    [ContractFact]
    public async Task A_follow_up_goes_only_to_agencies_whose_data_sharing_agreement_is_in_force()
    {
        var reports = await ReportNetworkAsync();
        var store = reports;
        await SuspendAsync(store, Nhs);

        var team = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "Check on the children"), Commissioner, Ct);
        await SuspendAsync(store, Lead);
        await SuspendAsync(store, Schools);
        Time.Now = Now.AddMinutes(1);
        var duty = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "The team cannot read the first"), Commissioner, Ct);

        // Nobody at the suspended health trust can sign in to read it.
        Assert.Equal(FollowUpRoute.Team, team.Route);
        Assert.Equal([Lead, Schools], team.AgencyIds);
        // With no team agency in force, the agency that worked with a member before is asked: the housing association.
        Assert.Equal(FollowUpRoute.Duty, duty.Route);
        Assert.Equal([Homes], duty.AgencyIds);
        Assert.Equal([Line(duty)], (await reports.GetDutyFollowUpRequestsAsync(Homes, 10, Ct)).Select(Line));
        // With nobody in force at all, not even the lead agency, there is nobody to send it to.
        await SuspendAsync(store, Homes);
        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "Anyone?"), Commissioner, Ct));
    }

    [ContractFact]
    public async Task A_follow_up_is_routed_as_if_restricted_services_were_not_there_and_still_reaches_them()
    {
        var reports = await ReportNetworkAsync(BuildWithRestrictedService());
        foreach (var part in RestrictedWork())
        {
            await (reports).ImportAsync(part, Ct);
        }

        var ahmed = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "Check on the children"), Commissioner, Ct);
        Time.Now = Now.AddMinutes(1);
        // The Fords have only the refuge's advocate: routed as having no team, to the lead agency, and the refuge too.
        var ford = await Changes(reports).RequestFollowUpAsync(new NewFollowUp(F6, "Referred but never allocated"), Commissioner, Ct);

        Assert.Equal(FollowUpRoute.Team, ahmed.Route);
        Assert.Equal([Lead, Nhs, Refuge, Schools], ahmed.AgencyIds);
        Assert.Equal(FollowUpRoute.Duty, ford.Route);
        Assert.Equal([Lead, Refuge], ford.AgencyIds);
        Assert.Equal([Line(ford)], (await reports.GetDutyFollowUpRequestsAsync(Refuge, 10, Ct)).Select(Line));
    }

    private Task<Agency> SuspendAsync(TStore store, string agencyId) => Changes(store).SetAgreementAsync(
        agencyId, new DataSharingAgreement(AgreementStatus.Suspended, new DateOnly(2024, 1, 1), null), Admin, Ct);

    [ContractFact]
    public async Task A_follow_up_for_no_family_or_without_a_reason_is_refused_and_changes_nothing()
    {
        var reports = await ReportNetworkAsync();
        var store = reports;

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(reports).RequestFollowUpAsync(new NewFollowUp("fa-nobody", "Check on them"), Commissioner, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(reports).RequestFollowUpAsync(new NewFollowUp(F1, "   "), Commissioner, Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(reports).RequestFollowUpAsync(new NewFollowUp("not an id!", "Check on them"), Commissioner, Ct));
        Assert.Empty((await reports.GetFollowUpRequestsAsync([F1, "fa-nobody"], Ct)).SelectMany(g => g.Value));
        Assert.Empty(await reports.GetDutyFollowUpRequestsAsync(Lead, 10, Ct));
    }
}
