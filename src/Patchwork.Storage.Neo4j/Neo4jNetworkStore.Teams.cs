using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Teams, how they have changed, and visits.
public sealed partial class Neo4jNetworkStore
{
    private const int MaxVisitsPerClient = 100;

    public Task<ILookup<string, TeamMember>> GetClientTeamsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        TeamsAsync(ClientTeams, clientIds, cancellationToken);

    public Task<ILookup<string, TeamMember>> GetFamilyTeamsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        TeamsAsync(FamilyTeams, familyIds, cancellationToken);

    public async Task<ILookup<string, Visit>> GetUpcomingVisitsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return EmptyLookup<Visit>();
        }
        var visits = await ReadAsync(UpcomingVisits, cancellationToken,
            ("ids", Keys(clientIds)), ("now", Now()), ("perClient", (long)Math.Clamp(perClient, 1, MaxVisitsPerClient)));
        return visits.Maps("visit").Select(Records.Visit).ToLookup(v => v.ClientId);
    }

    public async Task<ILookup<string, Visit>> GetRecentContactsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return EmptyLookup<Visit>();
        }
        var visits = await ReadAsync(RecentContacts, cancellationToken,
            ("ids", Keys(clientIds)), ("perClient", (long)Math.Clamp(perClient, 1, MaxVisitsPerClient)));
        return visits.Maps("visit").Select(Records.Visit).ToLookup(v => v.ClientId);
    }

    public async Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken) =>
        (await ReadAsync(VisitById, cancellationToken, ("id", visitId))).Maps("visit").Select(Records.Visit).SingleOrDefault();

    public async Task<ILookup<string, TeamChange>> GetTeamChangesAsync(
        IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return EmptyLookup<TeamChange>();
        }
        var result = await ReadAsync(TeamChanges, cancellationToken, ("ids", Keys(clientIds)), ("since", Floor(since)));
        return Rows(result).Select(row => new TeamChange(
            ClientId: (string)row["clientId"]!,
            Practitioner: Records.Practitioner(Map(row["practitioner"])),
            Agency: Records.Agency(Map(row["agency"])),
            Kind: Enum.Parse<TeamChangeKind>((string)row["kind"]!),
            At: (DateTimeOffset)row["at"]!,
            Reason: (string)row["reason"]!,
            Restricted: row["restricted"] is true)).ToLookup(change => change.ClientId);
    }

    // Client teams go through the same merge as family teams: one entry per practitioner either way, ordered as
    // the domain orders a team.
    private async Task<ILookup<string, TeamMember>> TeamsAsync(
        Statement statement, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return EmptyLookup<TeamMember>();
        }
        var result = await ReadAsync(statement, cancellationToken, ("ids", Keys(keys)), ("now", Now()));
        return Rows(result)
            .Select(row => (Key: (string)row["key"]!, Member: new TeamMember(
                Practitioner: Records.Practitioner(Map(row["practitioner"])),
                Agency: Records.Agency(Map(row["agency"])),
                Supports: [Records.Client(Map(row["client"]))],
                Since: (DateTimeOffset)row["since"]!,
                LastContactAt: row["lastContactAt"] as DateTimeOffset?,
                NextVisitAt: row["nextVisitAt"] as DateTimeOffset?,
                Restricted: row["restricted"] is true)))
            .GroupBy(r => r.Key, r => r.Member)
            .SelectMany(team => TeamMember.MergeByPractitioner(team).Select(member => (team.Key, member)))
            .ToLookup(r => r.Key, r => r.member);
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
