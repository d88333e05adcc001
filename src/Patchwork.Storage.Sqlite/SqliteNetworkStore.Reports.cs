using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Reports over the involvement network: density per family, agency pairs and caseloads. The network as it was at a
// moment is read in four flat scans (families, memberships, involvements active then, practitioners' agencies) and
// joined here in memory: at county scale that is several times faster than SQLite joining 250,000 involvements to
// clients and practitioners by their text ids (0.25 s against 1.3 s).
public sealed partial class SqliteNetworkStore : INetworkReports
{
    private const string ReportFamiliesSql = "SELECT f.id, f.area FROM family f WHERE $area IS NULL OR f.area = $area";

    private const string ReportMembersSql = "SELECT c.id, c.family_id FROM client c";

    private const string InvolvementsAtSql =
        "SELECT i.client_id, i.practitioner_id FROM involvement i " +
        "WHERE i.since <= $at AND (i.ended_on IS NULL OR i.ended_on > $at)";

    private const string PractitionerAgenciesSql =
        "SELECT p.id, p.agency_id, a.kind FROM practitioner p JOIN agency a ON a.id = p.agency_id";

    // Per family of the area: the latest contact completed before $at, and the first visit planned from $at on
    // (as it was then: one still planned, or one scheduled after $at that has since been completed or missed).
    // A contact or visit counts only if its practitioner's agency is of $kind, when a kind is given.
    private const string FamilyVisitsAtSql = """
        SELECT f.id,
            (SELECT max((SELECT v.completed_at FROM visit v
                         WHERE v.client_id = m.id AND v.status = 'Completed' AND v.completed_at < $at
                           AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                                         WHERE p.id = v.practitioner_id AND a.kind = $kind))
                         ORDER BY v.completed_at DESC LIMIT 1))
             FROM client m WHERE m.family_id = f.id),
            (SELECT min(v.scheduled_for) FROM client m JOIN visit v ON v.client_id = m.id
             WHERE m.family_id = f.id AND v.status IN ('Planned', 'Completed', 'Missed') AND v.scheduled_for >= $at
               AND (v.status = 'Planned' OR v.scheduled_for < $now)
               AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                             WHERE p.id = v.practitioner_id AND a.kind = $kind)))
        FROM family f WHERE $area IS NULL OR f.area = $area
        """;

    public async Task<IReadOnlyList<FamilyNetwork>> GetFamilyNetworksAsync(
        ReportFilter filter, bool withVisits, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        var visits = withVisits
            ? (await QueryAsync(c => new SqliteCommand(FamilyVisitsAtSql, c).Bind("$area", filter.Area)
                    .Bind("$kind", filter.AgencyKind).Bind("$at", filter.At).Bind("$now", Now()),
                r => (Id: r.GetString(0), Last: r.TimeOrNull(1), Next: r.TimeOrNull(2)), cancellationToken))
                .ToDictionary(v => v.Id, v => (v.Last, v.Next))
            : [];
        return [.. network.Families.Select(f =>
        {
            var around = network.AroundFamily(f.Id);
            var (last, next) = visits.GetValueOrDefault(f.Id);
            return new FamilyNetwork(f.Id, f.Area, network.MemberCount(f.Id),
                around.Select(i => i.ClientId).Distinct().Count(),
                around.Select(i => i.PractitionerId).Distinct().Count(),
                around.Select(i => i.AgencyId).Distinct().Count(),
                around.Any(i => KeyWorker.LeadKinds.Contains(i.Kind)),
                last, next);
        })];
    }

    public async Task<IReadOnlyList<AgencyPairCount>> GetAgencyPairsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        return [.. network.Families
            .SelectMany(f => PairsOf(network.AroundFamily(f.Id)).Select(pair => (f.Area, pair.First, pair.Second)))
            .GroupBy(p => p)
            .Select(g => new AgencyPairCount(g.Key.Area, g.Key.First, g.Key.Second, g.Count()))
            .OrderBy(p => p.Area, StringComparer.Ordinal)
            .ThenBy(p => p.FirstAgencyId, StringComparer.Ordinal)
            .ThenBy(p => p.SecondAgencyId, StringComparer.Ordinal)];
    }

    public async Task<CaseloadFigures> GetCaseloadsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        var involvements = network.Involvements;
        var practitioners = involvements.GroupBy(i => (i.PractitionerId, i.AgencyId))
            .Select(g => new PractitionerCaseload(g.Key.PractitionerId, g.Key.AgencyId, DistinctFamilies(g), DistinctClients(g)))
            .OrderBy(c => c.PractitionerId, StringComparer.Ordinal)
            .ToList();
        var agencies = involvements.GroupBy(i => i.AgencyId)
            .Select(g => new AgencyCaseloadCount(g.Key, DistinctFamilies(g), DistinctClients(g)))
            .OrderBy(a => a.AgencyId, StringComparer.Ordinal)
            .ToList();
        return new CaseloadFigures(practitioners, agencies, DistinctFamilies(involvements), DistinctClients(involvements));
    }

    public async Task<IReadOnlyList<string>> GetFamilyIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync(c => new SqliteCommand(ReportFamiliesSql, c).Bind("$area", null), r => r.GetString(0), cancellationToken);

    private static int DistinctFamilies(IEnumerable<NetworkInvolvement> involvements) =>
        involvements.Where(i => i.FamilyId is not null).Select(i => i.FamilyId).Distinct().Count();

    private static int DistinctClients(IEnumerable<NetworkInvolvement> involvements) =>
        involvements.Select(i => i.ClientId).Distinct().Count();

    private static IEnumerable<(string First, string Second)> PairsOf(IEnumerable<NetworkInvolvement> around)
    {
        var agencies = around.Select(i => i.AgencyId).Distinct().Order(StringComparer.Ordinal).ToArray();
        for (var a = 0; a < agencies.Length; a++)
        {
            for (var b = a + 1; b < agencies.Length; b++)
            {
                yield return (agencies[a], agencies[b]);
            }
        }
    }

    /// <summary>
    /// The network a report looks at: the families of the area, and the involvements active at the moment whose
    /// practitioner's agency is of the kind (if given) and, when an area is given, whose client lives in it.
    /// </summary>
    private async Task<ReportNetwork> ReadNetworkAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var families = await QueryAsync(c => new SqliteCommand(ReportFamiliesSql, c).Bind("$area", filter.Area),
            r => (Id: r.GetString(0), Area: r.GetString(1)), cancellationToken);
        var inArea = families.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var familyOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (client, family) in await QueryAsync(c => new SqliteCommand(ReportMembersSql, c),
                     r => (Client: r.GetString(0), Family: r.TextOrNull(1)), cancellationToken))
        {
            if (filter.Area is null || (family is not null && inArea.Contains(family)))
            {
                familyOf[client] = family;
            }
        }
        var agencyOf = (await QueryAsync(c => new SqliteCommand(PractitionerAgenciesSql, c),
                r => (Id: r.GetString(0), Agency: r.GetString(1), Kind: r.Name<AgencyKind>(2)), cancellationToken))
            .ToDictionary(p => p.Id, p => (p.Agency, p.Kind), StringComparer.Ordinal);
        var involvements = new List<NetworkInvolvement>();
        foreach (var (client, practitioner) in await QueryAsync(
                     c => new SqliteCommand(InvolvementsAtSql, c).Bind("$at", filter.At),
                     r => (Client: r.GetString(0), Practitioner: r.GetString(1)), cancellationToken))
        {
            if (familyOf.TryGetValue(client, out var family) && agencyOf.TryGetValue(practitioner, out var agency)
                && (filter.AgencyKind is null || agency.Kind == filter.AgencyKind))
            {
                involvements.Add(new NetworkInvolvement(family, client, practitioner, agency.Agency, agency.Kind));
            }
        }
        return new ReportNetwork(families, familyOf, involvements);
    }

    private sealed record NetworkInvolvement(string? FamilyId, string ClientId, string PractitionerId, string AgencyId, AgencyKind Kind);

    private sealed class ReportNetwork(
        List<(string Id, string Area)> families, Dictionary<string, string?> familyOf, List<NetworkInvolvement> involvements)
    {
        private readonly ILookup<string, NetworkInvolvement> _byFamily =
            involvements.Where(i => i.FamilyId is not null).ToLookup(i => i.FamilyId!, StringComparer.Ordinal);

        private readonly Dictionary<string, int> _members = familyOf.Values.OfType<string>()
            .GroupBy(f => f, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        public List<(string Id, string Area)> Families { get; } = families;

        public List<NetworkInvolvement> Involvements { get; } = involvements;

        public IEnumerable<NetworkInvolvement> AroundFamily(string familyId) => _byFamily[familyId];

        public int MemberCount(string familyId) => _members.GetValueOrDefault(familyId);
    }
}
