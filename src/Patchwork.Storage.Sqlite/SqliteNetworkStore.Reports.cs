using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// Reports over the involvement network: density per family, agency pairs and caseloads. The network as it was at a
// moment is read in four flat scans (families, memberships, involvements active then, practitioners' agencies) and
// joined here in memory: at county scale that is several times faster than SQLite joining 250,000 involvements to
// clients and practitioners by their text ids (0.25 s against 1.3 s).
public sealed partial class SqliteNetworkStore : INetworkReports
{
    public async Task<IReadOnlyList<FamilyNetwork>> GetFamilyNetworksAsync(
        ReportFilter filter, bool withVisits, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        var visits = withVisits
            ? (await QueryAsync(c => _sql.Command(FamilyVisitsAt, c).Bind("$area", filter.Area)
                    .Bind("$kind", filter.AgencyKind).Bind("$at", filter.At).Bind("$now", Now()),
                ReadFamilyVisits, cancellationToken))
                .ToDictionary(v => v.Id, v => (v.Last, v.Next), StringComparer.Ordinal)
            : [];
        var registeredSince = (await QueryAsync(c => _sql.Command(RegisteredSince, c).Bind("$at", filter.At),
            TextColumn.Named("family_id"), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<FamilyNetwork>(network.Families.Count);
        for (var f = 0; f < network.Families.Count; f++)
        {
            var (id, area) = network.Families[f];
            if (registeredSince.Contains(id))
            {
                continue;
            }
            var around = network.AroundFamily(f);
            var (last, next) = visits.GetValueOrDefault(id);
            rows.Add(new FamilyNetwork(id, area, network.Members[f],
                SmallDistinctCount(around, i => i.Client), SmallDistinctCount(around, i => i.Practitioner),
                SmallDistinctCount(around, i => i.Agency), around.Exists(i => KeyWorker.LeadKinds.Contains(i.Kind)), last, next));
        }
        return rows;
    }

    public async Task<IReadOnlyList<AgencyPairCount>> GetAgencyPairsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        var counts = new Dictionary<(string Area, int First, int Second), int>();
        for (var f = 0; f < network.Families.Count; f++)
        {
            // By id, as the port names a pair: the indexes follow the order practitioners were read in.
            var agencies = network.AroundFamily(f).Select(i => i.Agency).Distinct()
                .OrderBy(a => network.AgencyIds[a], StringComparer.Ordinal).ToArray();
            for (var a = 0; a < agencies.Length; a++)
            {
                for (var b = a + 1; b < agencies.Length; b++)
                {
                    var key = (network.Families[f].Area, agencies[a], agencies[b]);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
        return [.. counts
            .Select(p => new AgencyPairCount(p.Key.Area, network.AgencyIds[p.Key.First], network.AgencyIds[p.Key.Second], p.Value))
            .OrderBy(p => p.Area, StringComparer.Ordinal)
            .ThenBy(p => p.FirstAgencyId, StringComparer.Ordinal)
            .ThenBy(p => p.SecondAgencyId, StringComparer.Ordinal)];
    }

    public async Task<CaseloadFigures> GetCaseloadsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var network = await ReadNetworkAsync(filter, cancellationToken);
        var involvements = network.Involvements;
        var practitioners = involvements.GroupBy(i => i.Practitioner)
            .Select(g => new PractitionerCaseload(network.PractitionerIds[g.Key], network.AgencyIds[g.First().Agency],
                DistinctFamilies(g), DistinctCount(g, i => i.Client)))
            .OrderBy(c => c.PractitionerId, StringComparer.Ordinal)
            .ToList();
        var agencies = involvements.GroupBy(i => i.Agency)
            .Select(g => new AgencyCaseloadCount(network.AgencyIds[g.Key], DistinctFamilies(g), DistinctCount(g, i => i.Client)))
            .OrderBy(a => a.AgencyId, StringComparer.Ordinal)
            .ToList();
        return new CaseloadFigures(practitioners, agencies, DistinctFamilies(involvements), DistinctCount(involvements, i => i.Client));
    }

    public async Task<IReadOnlyList<string>> GetFamilyIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync(c => _sql.Command(ReportFamilies, c).Bind("$area", null), TextColumn.Named("id"), cancellationToken);

    private static int DistinctFamilies(IEnumerable<NetworkInvolvement> involvements) =>
        DistinctCount(involvements.Where(i => i.Family >= 0), i => i.Family);

    private static int DistinctCount(IEnumerable<NetworkInvolvement> involvements, Func<NetworkInvolvement, int> key) =>
        involvements.Select(key).Distinct().Count();

    // A family has a handful of involvements: comparing each with those before it beats building a set, 80,000 times.
    private static int SmallDistinctCount(List<NetworkInvolvement> involvements, Func<NetworkInvolvement, int> key)
    {
        var distinct = 0;
        for (var i = 0; i < involvements.Count; i++)
        {
            var value = key(involvements[i]);
            var seen = false;
            for (var j = 0; j < i && !seen; j++)
            {
                seen = key(involvements[j]) == value;
            }
            distinct += seen ? 0 : 1;
        }
        return distinct;
    }

    /// <summary>
    /// The network a report looks at: the families of the area, and the involvements active at the moment whose
    /// practitioner's agency is of the kind (if given) and, when an area is given, whose client lives in it. Ids become
    /// small integers as they are read, so grouping a county's 250,000 involvements compares ints, not strings.
    /// </summary>
    private async Task<ReportNetwork> ReadNetworkAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var families = await QueryAsync(c => _sql.Command(ReportFamilies, c).Bind("$area", filter.Area),
            ReadFamilyArea, cancellationToken);
        var familyIndex = new Dictionary<string, int>(families.Count, StringComparer.Ordinal);
        for (var f = 0; f < families.Count; f++)
        {
            familyIndex[families[f].Id] = f;
        }
        var members = new int[families.Count];
        var clients = new Dictionary<string, (int Client, int Family)>(StringComparer.Ordinal);
        foreach (var (client, family) in await QueryAsync(c => _sql.Command(ReportMembers, c),
                     ReadMembership, cancellationToken))
        {
            var f = family is not null && familyIndex.TryGetValue(family, out var index) ? index : -1;
            if (f >= 0)
            {
                members[f]++;
            }
            if (filter.Area is null || f >= 0)
            {
                clients[client] = (clients.Count, f);
            }
        }
        var agencyIds = new List<string>();
        var agencyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var practitionerIds = new List<string>();
        var practitioners = new Dictionary<string, (int Practitioner, int Agency, AgencyKind Kind)>(StringComparer.Ordinal);
        foreach (var (id, agency, kind) in await QueryAsync(c => _sql.Command(PractitionerAgencies, c),
                     ReadPractitionerAgency, cancellationToken))
        {
            if (filter.AgencyKind is null || kind == filter.AgencyKind)
            {
                if (!agencyIndex.TryGetValue(agency, out var a))
                {
                    agencyIndex[agency] = a = agencyIds.Count;
                    agencyIds.Add(agency);
                }
                practitioners[id] = (practitionerIds.Count, a, kind);
                practitionerIds.Add(id);
            }
        }
        var involvements = new List<NetworkInvolvement>();
        foreach (var (client, practitioner) in await QueryAsync(
                     c => _sql.Command(InvolvementsAt, c).Bind("$at", filter.At),
                     ReadInvolvementAt, cancellationToken))
        {
            if (clients.TryGetValue(client, out var c) && practitioners.TryGetValue(practitioner, out var p))
            {
                involvements.Add(new NetworkInvolvement(c.Family, c.Client, p.Practitioner, p.Agency, p.Kind));
            }
        }
        return new ReportNetwork(families, members, involvements, agencyIds, practitionerIds);
    }

    // The columns of the flat scans, each read by name.
    private static Func<SqliteDataReader, (string Id, DateTimeOffset? Last, DateTimeOffset? Next)> ReadFamilyVisits(SqliteDataReader result)
    {
        var (id, last, next) = (result.GetOrdinal("id"), result.GetOrdinal("last_contact"), result.GetOrdinal("next_visit"));
        return row => (row.GetString(id), row.TimeOrNull(last), row.TimeOrNull(next));
    }

    private static Func<SqliteDataReader, (string Id, string Area)> ReadFamilyArea(SqliteDataReader result)
    {
        var (id, area) = (result.GetOrdinal("id"), result.GetOrdinal("area"));
        return row => (row.GetString(id), row.GetString(area));
    }

    private static Func<SqliteDataReader, (string Client, string? Family)> ReadMembership(SqliteDataReader result)
    {
        var (client, family) = (result.GetOrdinal("id"), result.GetOrdinal("family_id"));
        return row => (row.GetString(client), row.TextOrNull(family));
    }

    private static Func<SqliteDataReader, (string Id, string Agency, AgencyKind Kind)> ReadPractitionerAgency(SqliteDataReader result)
    {
        var (id, agency, kind) = (result.GetOrdinal("id"), result.GetOrdinal("agency_id"), result.GetOrdinal("kind"));
        return row => (row.GetString(id), row.GetString(agency), row.Name<AgencyKind>(kind));
    }

    private static Func<SqliteDataReader, (string Client, string Practitioner)> ReadInvolvementAt(SqliteDataReader result)
    {
        var (client, practitioner) = (result.GetOrdinal("client_id"), result.GetOrdinal("practitioner_id"));
        return row => (row.GetString(client), row.GetString(practitioner));
    }

    /// <summary>One involvement as indexes into the network's families, clients, practitioners and agencies (family −1: none).</summary>
    private readonly record struct NetworkInvolvement(int Family, int Client, int Practitioner, int Agency, AgencyKind Kind);

    private sealed class ReportNetwork(
        List<(string Id, string Area)> families, int[] members, List<NetworkInvolvement> involvements,
        List<string> agencyIds, List<string> practitionerIds)
    {
        private readonly List<NetworkInvolvement>[] _byFamily = ByFamily(families.Count, involvements);

        public List<(string Id, string Area)> Families { get; } = families;

        public int[] Members { get; } = members;

        public List<NetworkInvolvement> Involvements { get; } = involvements;

        public List<string> AgencyIds { get; } = agencyIds;

        public List<string> PractitionerIds { get; } = practitionerIds;

        private static readonly List<NetworkInvolvement> None = [];

        public List<NetworkInvolvement> AroundFamily(int family) => _byFamily[family] ?? None;

        private static List<NetworkInvolvement>[] ByFamily(int families, List<NetworkInvolvement> involvements)
        {
            var byFamily = new List<NetworkInvolvement>[families];
            foreach (var involvement in involvements.Where(i => i.Family >= 0))
            {
                (byFamily[involvement.Family] ??= []).Add(involvement);
            }
            return byFamily;
        }
    }
}
