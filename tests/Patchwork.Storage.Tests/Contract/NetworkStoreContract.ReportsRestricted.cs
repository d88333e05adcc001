using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.ReportNetwork;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Restricted work counts in no report figure: reports go to analysts and commissioners, who are in no team, and a
// figure that moved when a domestic-abuse service got involved, differenced over as-of dates, would tell them the
// household used it. So whatever a restricted service (or a practitioner whose involvement is marked restricted)
// does, every figure of every report, filter and moment stays what it was without it.
public abstract partial class NetworkStoreContract<TStore>
{
    // Before any restricted work, while Rhea supported Gus (before and after his contact), after it ended, around
    // Carl's contact with Cal, between Jo's and Asha's contacts, and now.
    private static readonly DateTimeOffset[] RestrictedMoments =
        [Days(-70), Days(-50), Days(-40), Days(-20), Days(-13), Days(-6), Days(-2.5), Now];

    // No filter, the restricted service's own kind, and the kind of the practitioner who marked his involvement restricted.
    private static readonly AgencyKind?[] RestrictedKinds = [null, AgencyKind.Voluntary, AgencyKind.CountyCouncil];

    [ContractFact]
    public async Task Restricted_involvements_and_every_visit_of_a_restricted_pair_move_no_report_figure()
    {
        var reports = await ReportNetworkAsync(BuildWithRestrictedService());
        var without = await EveryReportFigureAsync(reports, RestrictedMoments);

        foreach (var part in RestrictedWork())
        {
            await (reports).ImportAsync(part, Ct);
        }

        AssertNoFigureMoved(without, await EveryReportFigureAsync(reports, RestrictedMoments));
    }

    [ContractFact]
    public async Task Restricted_work_recorded_through_the_store_moves_no_report_figure()
    {
        var reports = await ReportNetworkAsync(BuildWithRestrictedService());
        var store = reports;
        var moments = new[] { Days(-1), Now, Now.AddHours(1) };
        var without = await EveryReportFigureAsync(reports, moments);

        // Rhea's service is restricted, so her involvement is whatever she asks; Hugo marks his restricted himself.
        await Changes(store).JoinTeamAsync(Jo, "Self-referral to the advocacy service", restricted: false, ActorFor(Rhea), Ct);
        await Changes(store).RecordContactAsync(new NewContact(Jo, Now.AddHours(-1), VisitMode.Phone, null), ActorFor(Rhea), Ct);
        var next = await Changes(store).ScheduleVisitAsync(new NewVisit(Jo, Days(2), VisitMode.Office), ActorFor(Rhea), Ct);
        await Changes(store).ScheduleVisitAsync(new NewVisit(Jo, Days(4), VisitMode.Office), ActorFor(Rhea), Ct);
        await Changes(store).CancelVisitAsync(next.Id, ActorFor(Rhea), Ct);
        await Changes(store).JoinTeamAsync(Eli, "Referred by the school nurse", restricted: true, ActorFor(Hugo), Ct);
        var planned = await Changes(store).ScheduleVisitAsync(new NewVisit(Eli, Now.AddMinutes(30), VisitMode.HomeVisit), ActorFor(Hugo), Ct);
        await Changes(store).RecordContactAsync(new NewContact(Eli, Now, VisitMode.HomeVisit, planned.Id), ActorFor(Hugo), Ct);
        await Changes(store).LeaveTeamAsync(Eli, "Discharged", ActorFor(Hugo), Ct);
        await Changes(store).JoinTeamAsync(Xan, "Self-referral to the advocacy service", restricted: false, ActorFor(Rhea), Ct);

        AssertNoFigureMoved(without, await EveryReportFigureAsync(reports, moments));
    }

    [ContractFact]
    public async Task A_family_whose_only_involvement_is_restricted_is_listed_as_having_no_active_involvement()
    {
        var reports = await ReportNetworkAsync(BuildWithRestrictedService());
        foreach (var part in RestrictedWork())
        {
            await (reports).ImportAsync(part, Ct);
        }

        // Rhea supports Jo and contacted her 3 days ago; Carl's overdue visit to Cal does not make the Brooks overdue.
        var listed = await NoContactLinesAsync(reports, NoContact());
        Assert.Contains($"{F6} East last - active False planned -", listed);
        Assert.Contains($"{F2} North last - active True planned -", listed);
        Assert.Equal(
            [$"{F1} North last - active False planned -", $"{F2} North last - active False planned -",
             $"{F3} North last - active False planned -", $"{F4} South last - active False planned -",
             $"{F5} South last - active False planned -", $"{F6} East last - active False planned -"],
            await NoContactLinesAsync(reports, NoContact(kind: AgencyKind.Voluntary)));
    }

    /// <summary>Every figure as it was without the restricted work, each figure that moved said in full if not.</summary>
    private static void AssertNoFigureMoved(List<string> without, List<string> with)
    {
        var moved = without.Except(with).Select(f => "- " + f).Concat(with.Except(without).Select(f => "+ " + f)).ToList();
        Assert.True(moved.Count == 0, $"{moved.Count} figures moved with restricted work:\n{string.Join("\n", moved)}");
        Assert.Equal(without, with);
    }

    /// <summary>
    /// Every figure every report gives, as comparable lines: for each moment, each of <see cref="RestrictedKinds"/>
    /// and the whole county or one area, the family networks with their visits, the agency pairs, the caseloads, and
    /// the families without contact (over the last 30 days, and with every family listed so its figures all show).
    /// </summary>
    private static async Task<List<string>> EveryReportFigureAsync(INetworkReports reports, IEnumerable<DateTimeOffset> moments)
    {
        var reasons = Enum.GetValues<NoContactReason>().ToHashSet();
        var figures = new List<string>();
        foreach (var at in moments)
        {
            foreach (var kind in RestrictedKinds)
            {
                foreach (var area in new[] { null, "North" })
                {
                    var filter = new ReportFilter(area, kind, at);
                    var where = $"{area ?? "all"} {kind?.ToString() ?? "any"} at {at:O}:";
                    figures.AddRange((await reports.GetFamilyNetworksAsync(filter, withVisits: true, Ct)).Select(f => $"{where} {Line(f)}"));
                    figures.AddRange((await reports.GetAgencyPairsAsync(filter, Ct)).Select(p => $"{where} {p}"));
                    var caseloads = await reports.GetCaseloadsAsync(filter, Ct);
                    figures.AddRange(caseloads.Practitioners.Select(p => $"{where} {p}"));
                    figures.AddRange(caseloads.Agencies.Select(a => $"{where} {a}"));
                    figures.Add($"{where} caseloads of {caseloads.Families} families, {caseloads.Clients} clients");
                    foreach (var since in new[] { at.AddDays(-30), Now.AddDays(1) })
                    {
                        var query = new NoContactQuery(area, kind, at, since, reasons);
                        figures.AddRange((await reports.FindFamiliesWithoutContactAsync(query, Ct))
                            .Select(f => $"{where} no contact since {since:O}: {Line(f)}"));
                    }
                }
            }
        }
        return [.. figures.Order(StringComparer.Ordinal)];
    }
}
