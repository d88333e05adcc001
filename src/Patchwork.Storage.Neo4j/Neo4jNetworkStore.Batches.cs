using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// The loaders' reads: many keys in one statement, each id UNWIND-ed once.
public sealed partial class Neo4jNetworkStore : IBatchReads
{
    public Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(AgenciesById, "agency", ids, Records.Agency, a => a.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(PractitionersById, "practitioner", ids, Records.Practitioner, p => p.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ClientsById, "client", ids, Records.Client, c => c.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(FamiliesById, "family", ids, Records.Family, f => f.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Client>>> GetFamilyMembersAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<Client>();
        }
        var members = (await ReadAsync(FamilyMembers, cancellationToken, ("ids", familyIds))).Maps("client").Select(Records.Client);
        return Batch.ByKey(familyIds, members, m => m.FamilyId!);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetClientTeamsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        TeamsAsync(ClientTeams, clientIds, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetFamilyTeamsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        TeamsAsync(FamilyTeams, familyIds, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetUpcomingVisitsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<Visit>();
        }
        var visits = await ReadAsync(UpcomingVisits, cancellationToken,
            ("ids", Keys(clientIds)), ("now", Now()), ("perClient", (long)Batch.VisitsPerClient(perClient)));
        return Batch.ByKey(clientIds, visits.Maps("visit").Select(Records.Visit), v => v.ClientId);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetRecentContactsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<Visit>();
        }
        var visits = await ReadAsync(RecentContacts, cancellationToken,
            ("ids", Keys(clientIds)), ("perClient", (long)Batch.VisitsPerClient(perClient)));
        return Batch.ByKey(clientIds, visits.Maps("visit").Select(Records.Visit), v => v.ClientId);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamChange>>> GetTeamChangesAsync(
        IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<TeamChange>();
        }
        var result = await ReadAsync(TeamChanges, cancellationToken, ("ids", Keys(clientIds)), ("since", Floor(since)));
        var changes = Rows(result).Select(row => new TeamChange(
            ClientId: (string)row["clientId"]!,
            Practitioner: Records.Practitioner(Map(row["practitioner"])),
            Agency: Records.Agency(Map(row["agency"])),
            Kind: Enum.Parse<TeamChangeKind>((string)row["kind"]!),
            At: (DateTimeOffset)row["at"]!,
            Reason: (string)row["reason"]!,
            Restricted: row["restricted"] is true));
        return Batch.ByKey(clientIds, changes, change => change.ClientId);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUpRequest>>> GetFollowUpRequestsAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<FollowUpRequest>();
        }
        var requests = (await ReadAsync(FollowUpsByFamily, cancellationToken, ("ids", familyIds))).Maps("followUp").Select(Records.FollowUp);
        return Batch.ByKey(familyIds, requests, r => r.FamilyId);
    }

    // Client teams go through the same merge as family teams: one entry per practitioner either way, ordered as
    // the domain orders a team.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> TeamsAsync(
        Statement statement, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return Batch.None<TeamMember>();
        }
        var result = await ReadAsync(statement, cancellationToken, ("ids", Keys(keys)), ("now", Now()));
        var rows = Rows(result)
            .Select(row => (Key: (string)row["key"]!, Member: new TeamMember(
                Practitioner: Records.Practitioner(Map(row["practitioner"])),
                Agency: Records.Agency(Map(row["agency"])),
                Supports: [Records.Client(Map(row["client"]))],
                Since: (DateTimeOffset)row["since"]!,
                LastContactAt: row["lastContactAt"] as DateTimeOffset?,
                NextVisitAt: row["nextVisitAt"] as DateTimeOffset?,
                Restricted: row["restricted"] is true)));
        return Batch.Teams(keys, rows);
    }

    /// <summary>The records of these ids a statement returns (those that exist, or that pass its condition), by id.</summary>
    private async Task<IReadOnlyDictionary<string, T>> ByIdAsync<T>(Statement statement, string field, IReadOnlyCollection<string> ids,
        Func<IReadOnlyDictionary<string, object?>, T> read, Func<T, string> key, CancellationToken cancellationToken,
        params (string Name, object? Value)[] more)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, T>();
        }
        var result = await ReadAsync(statement, cancellationToken, [("ids", ids), .. more]);
        return result.Maps(field).Select(read).ToDictionary(key);
    }

    /// <summary>The ids to UNWIND, each once: a repeated id would repeat its rows.</summary>
    private static List<string> Keys(IReadOnlyCollection<string> ids) => [.. ids.Distinct(StringComparer.Ordinal)];

    /// <summary>Each row as a map from field name to value.</summary>
    private static IEnumerable<Dictionary<string, object?>> Rows(QueryResult result) =>
        result.Values.Select(row => result.Fields.Select((field, i) => (field, row[i])).ToDictionary(f => f.field, f => f.Item2));

    private static IReadOnlyDictionary<string, object?> Map(object? value) => (IReadOnlyDictionary<string, object?>)value!;

    // DateTimeOffset.MinValue is before anything Neo4j can hold; the earliest instant the store keeps stands for it.
    private static DateTimeOffset Floor(DateTimeOffset since) =>
        since < DateTimeOffset.UnixEpoch.AddYears(-1000) ? DateTimeOffset.UnixEpoch.AddYears(-1000) : since;
}
