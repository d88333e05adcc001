using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Reports over the involvement network for analysts and commissioners: each statement aggregates in Cypher and
// returns one row per family, pair or caseload. Moments travel as text to the millisecond (the precision both stores
// keep), so both draw the line between "before" and "from" at the same instant.
public sealed partial class Neo4jNetworkStore : INetworkReports
{
    private static readonly IReadOnlyList<string> LeadKinds = [.. KeyWorker.LeadKinds.Select(k => k.ToString())];

    public async Task<IReadOnlyList<FamilyNetwork>> GetFamilyNetworksAsync(
        ReportFilter filter, bool withVisits, CancellationToken cancellationToken)
    {
        var networks = await ReadAsync(FamilyNetworks, cancellationToken,
            ("area", filter.Area), ("kind", filter.AgencyKind), ("at", filter.At), ("leadKinds", LeadKinds));
        var visits = withVisits ? await FamilyVisitsAsync(filter, cancellationToken) : [];
        return [.. networks.Rows().Select(r =>
        {
            var id = (string)r["familyId"]!;
            var (last, next) = visits.GetValueOrDefault(id);
            return new FamilyNetwork(id, (string)r["area"]!, Count(r, "members"), Count(r, "membersWithInvolvement"),
                Count(r, "practitioners"), Count(r, "agencies"), r["hasKeyWorker"] is true, last, next);
        })];
    }

    public async Task<IReadOnlyList<AgencyPairCount>> GetAgencyPairsAsync(ReportFilter filter, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(AgencyPairs, cancellationToken, ("area", filter.Area), ("kind", filter.AgencyKind), ("at", filter.At)))
            .Rows().Select(r => new AgencyPairCount(
                (string)r["area"]!, (string)r["firstAgencyId"]!, (string)r["secondAgencyId"]!, Count(r, "families")))];

    public async Task<CaseloadFigures> GetCaseloadsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var rows = (await ReadAsync(Caseloads, cancellationToken, ("area", filter.Area), ("kind", filter.AgencyKind), ("at", filter.At)))
            .Rows().Select(r => (Practitioner: r["practitionerId"] as string, Agency: r["agencyId"] as string,
                Families: Count(r, "families"), Clients: Count(r, "clients")))
            .ToList();
        var overall = rows.Single(r => r.Agency is null);
        return new CaseloadFigures(
            [.. rows.Where(r => r.Practitioner is not null).OrderBy(r => r.Practitioner, StringComparer.Ordinal)
                .Select(r => new PractitionerCaseload(r.Practitioner!, r.Agency!, r.Families, r.Clients))],
            [.. rows.Where(r => r.Practitioner is null && r.Agency is not null).OrderBy(r => r.Agency, StringComparer.Ordinal)
                .Select(r => new AgencyCaseloadCount(r.Agency!, r.Families, r.Clients))],
            overall.Families,
            overall.Clients);
    }

    public async Task<IReadOnlyList<FamilyActivity>> FindFamiliesWithoutContactAsync(NoContactQuery query, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(FamiliesWithoutContact, cancellationToken,
                ("area", query.Area),
                ("kind", query.AgencyKind),
                ("at", query.At),
                ("since", query.ContactSince),
                ("noContact", query.Reasons.Contains(NoContactReason.NoRecentContact)),
                ("noInvolvement", query.Reasons.Contains(NoContactReason.NoActiveInvolvement)),
                ("overdue", query.Reasons.Contains(NoContactReason.OnlyOverdueVisits))))
            .Rows().Select(r => new FamilyActivity((string)r["familyId"]!, (string)r["area"]!, r["lastContactAt"] as DateTimeOffset?,
                r["hasActiveInvolvement"] is true, r["latestPlannedVisit"] as DateTimeOffset?))];

    public async Task<IReadOnlyList<string>> GetFamilyIdsAsync(CancellationToken cancellationToken) =>
        [.. (await ReadAsync(FamilyIds, cancellationToken)).Column<string>("familyId")];

    private async Task<Dictionary<string, (DateTimeOffset? Last, DateTimeOffset? Next)>> FamilyVisitsAsync(
        ReportFilter filter, CancellationToken cancellationToken) =>
        (await ReadAsync(FamilyVisitsAt, cancellationToken, ("area", filter.Area), ("kind", filter.AgencyKind), ("at", filter.At), ("now", Now())))
            .Rows().ToDictionary(r => (string)r["familyId"]!, r => (r["lastContactAt"] as DateTimeOffset?, r["nextVisitAt"] as DateTimeOffset?),
                StringComparer.Ordinal);

    private static int Count(IReadOnlyDictionary<string, object?> row, string field) => checked((int)(long)row[field]!);
}
