using Microsoft.Extensions.Options;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>
/// The reports as published: the store's true figures with the small-count rule applied and family ids replaced by
/// pseudonymous references. GraphQL and the CSV exports both answer from here, so they always agree.
/// </summary>
public sealed class ReportQueries(INetworkReports reports, Pseudonyms pseudonyms, TimeProvider time, IOptions<ReportOptions> options)
{
    public async Task<DensityReport> DensityAsync(ReportArguments arguments, CancellationToken cancellationToken) =>
        DensityReport.Build(await reports.GetFamilyNetworksAsync(arguments.Filter(time.GetUtcNow()), withVisits: false, cancellationToken));

    public async Task<IReadOnlyList<FamilyNetworkGroup>> FamilyNetworksAsync(ReportArguments arguments, CancellationToken cancellationToken)
    {
        var filter = arguments.MonthEndFilter(time.GetUtcNow());
        var families = await reports.GetFamilyNetworksAsync(filter, withVisits: true, cancellationToken);
        return FamilyNetworkGroups.Build(families, filter.At, options.Value.MinimumGroup);
    }

    public async Task<IReadOnlyList<AgencyPair>> AgencyPairsAsync(ReportArguments arguments, CancellationToken cancellationToken)
    {
        var filter = arguments.Filter(time.GetUtcNow());
        // Every family of the area counts towards whether the area is published, whatever the kind of agency.
        var families = await reports.GetFamilyNetworksAsync(filter with { AgencyKind = null }, withVisits: false, cancellationToken);
        var perArea = families.GroupBy(f => f.Area).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return CoInvolvementReport.Build(await reports.GetAgencyPairsAsync(filter, cancellationToken), perArea);
    }

    public async Task<IReadOnlyList<AgencyCaseload>> CaseloadsAsync(ReportArguments arguments, CancellationToken cancellationToken) =>
        CaseloadReport.Build(await reports.GetCaseloadsAsync(arguments.Filter(time.GetUtcNow()), cancellationToken));

    /// <summary>
    /// Never-contacted families first, then by contact recency, longest first; within a band by reference, so the
    /// order tells nothing finer than the band. Deliberately complete, small areas included: commissioners must act on
    /// every family listed, and a row carries no network figures.
    /// </summary>
    public async Task<IReadOnlyList<NoContactRow>> FamiliesWithoutContactAsync(ReportArguments arguments, CancellationToken cancellationToken)
    {
        var query = arguments.NoContact(time.GetUtcNow());
        var families = await reports.FindFamiliesWithoutContactAsync(query, cancellationToken);
        return [.. families.Select(f => Row(f, query))
            .OrderBy(r => r, Comparer<NoContactRow>.Create((a, b) => PositionOf(a).CompareTo(PositionOf(b))))];
    }

    public static Cursors.Position PositionOf(NoContactRow row) => new((long)row.LastContact, row.Reference);

    private NoContactRow Row(FamilyActivity family, NoContactQuery query)
    {
        var overdue = family.LatestPlannedVisit < query.At;
        var reasons = new List<NoContactReason>();
        if (family.LastContactAt is null || family.LastContactAt < query.ContactSince)
        {
            reasons.Add(NoContactReason.NoRecentContact);
        }
        if (!family.HasActiveInvolvement)
        {
            reasons.Add(NoContactReason.NoActiveInvolvement);
        }
        if (overdue)
        {
            reasons.Add(NoContactReason.OnlyOverdueVisits);
        }
        return new NoContactRow(pseudonyms.Reference(family.FamilyId), family.Area, Recency.Of(query.At, family.LastContactAt),
            family.HasActiveInvolvement, overdue, [.. reasons.Where(query.Reasons.Contains)]);
    }
}
