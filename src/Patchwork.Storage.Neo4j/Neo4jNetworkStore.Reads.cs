using Patchwork.Storage.Neo4j.Cypher;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Agencies, practitioners, clients, families, and which of them a practitioner can reach.
public sealed partial class Neo4jNetworkStore
{
    private const int MaxSearchResults = 100;

    public async Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken) =>
        [.. (await ReadAsync(AllAgencies, cancellationToken)).Maps("agency").Select(Records.Agency)];

    public Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(AgenciesById, "agency", ids, Records.Agency, a => a.Id, cancellationToken);

    public async Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccountBySubject, cancellationToken, ("subject", subject));
        return result.Maps("practitioner").Zip(result.Maps("agency"),
            (practitioner, agency) => new PractitionerAccount(Records.Practitioner(practitioner), Records.Agency(agency))).SingleOrDefault();
    }

    public Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(PractitionersById, "practitioner", ids, Records.Practitioner, p => p.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ClientsById, "client", ids, Records.Client, c => c.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(FamiliesById, "family", ids, Records.Family, f => f.Id, cancellationToken);

    public async Task<ILookup<string, Client>> GetFamilyMembersAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return EmptyLookup<Client>();
        }
        var members = (await ReadAsync(FamilyMembers, cancellationToken, ("ids", familyIds))).Maps("client").Select(Records.Client);
        return members.ToLookup(m => m.FamilyId!);
    }

    public async Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(MyClients, cancellationToken, ("practitionerId", practitionerId))).Maps("client").Select(Records.Client)];

    public Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(
        string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        ByIdAsync(ClientsInReach, "client", clientIds, Records.Client, c => c.Id, cancellationToken, ("practitionerId", practitionerId));

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(
        string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        ByIdAsync(FamiliesInReach, "family", familyIds, Records.Family, f => f.Id, cancellationToken, ("practitionerId", practitionerId));

    public async Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken)
    {
        var query = FullTextQuery.From(search.Query);
        if (query is null)
        {
            return [];
        }
        var matches = await ReadAsync(SearchClients, cancellationToken,
            ("query", query),
            ("dateOfBirth", search.DateOfBirth),
            ("practitionerId", search.PractitionerId),
            ("first", (long)Math.Clamp(search.First, 1, MaxSearchResults)));
        return [.. matches.Maps("hit").Select(m => new ClientMatch(
            ClientId: (string)m["id"]!,
            DisplayName: $"{m["givenName"]} {m["familyName"]}",
            DateOfBirth: (DateOnly)m["dateOfBirth"]!,
            PostcodeDistrict: Check.PostcodeDistrict((string)m["postcode"]!),
            InMyTeam: m["inMyTeam"] is true))];
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
}
