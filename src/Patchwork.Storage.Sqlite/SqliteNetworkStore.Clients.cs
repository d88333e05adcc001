using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Clients, families, and which of them a practitioner can reach.
public sealed partial class SqliteNetworkStore
{
    private const string ClientsByIdSql =
        "SELECT " + ClientRow.Columns + " FROM client c WHERE c.id IN (SELECT value FROM json_each($ids))";

    private const string FamiliesByIdSql =
        "SELECT " + FamilyRow.Columns + " FROM family f WHERE f.id IN (SELECT value FROM json_each($ids))";

    // A household reads oldest first: parents before children.
    private const string FamilyMembersSql =
        "SELECT " + ClientRow.Columns + " FROM client c " +
        "WHERE c.family_id IN (SELECT value FROM json_each($ids)) " +
        "ORDER BY c.family_id, c.date_of_birth, c.id";

    private const string MyClientsSql =
        "SELECT " + ClientRow.Columns + " FROM involvement i JOIN client c ON c.id = i.client_id " +
        "WHERE i.practitioner_id = $practitioner AND i.ended_on IS NULL " +
        "ORDER BY c.family_name, c.given_name, c.id";

    // In reach: the practitioner supports the client, or supports someone in the client's family.
    // The family branch walks from the family to its few members, then looks up the practitioner's involvement
    // with each, rather than scanning all of the practitioner's clients.
    private const string ClientsInReachSql = """
        SELECT c.id FROM client c
        WHERE c.id IN (SELECT value FROM json_each($ids))
          AND (EXISTS (SELECT 1 FROM involvement i
                       WHERE i.practitioner_id = $practitioner AND i.client_id = c.id AND i.ended_on IS NULL)
               OR (c.family_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM client m
                               WHERE m.family_id = c.family_id
                                 AND EXISTS (SELECT 1 FROM involvement i
                                             WHERE i.practitioner_id = $practitioner AND i.client_id = m.id
                                               AND i.ended_on IS NULL))))
        """;

    private const string FamiliesInReachSql = """
        SELECT f.id FROM family f
        WHERE f.id IN (SELECT value FROM json_each($ids))
          AND EXISTS (SELECT 1 FROM client m
                      WHERE m.family_id = f.id
                        AND EXISTS (SELECT 1 FROM involvement i
                                    WHERE i.practitioner_id = $practitioner AND i.client_id = m.id
                                      AND i.ended_on IS NULL))
        """;

    public async Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Client>();
        }
        var clients = await QueryAsync(
            c => new SqliteCommand(ClientsByIdSql, c).Bind("$ids", ids), r => ClientRow.Read(r), cancellationToken);
        return clients.ToDictionary(c => c.Id);
    }

    public async Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Family>();
        }
        var families = await QueryAsync(
            c => new SqliteCommand(FamiliesByIdSql, c).Bind("$ids", ids), r => FamilyRow.Read(r), cancellationToken);
        return families.ToDictionary(f => f.Id);
    }

    public async Task<ILookup<string, Client>> GetFamilyMembersAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return EmptyLookup<Client>();
        }
        var members = await QueryAsync(
            c => new SqliteCommand(FamilyMembersSql, c).Bind("$ids", familyIds), r => ClientRow.Read(r), cancellationToken);
        return members.ToLookup(m => m.FamilyId!);
    }

    public async Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken) =>
        await QueryAsync(
            c => new SqliteCommand(MyClientsSql, c).Bind("$practitioner", practitionerId),
            r => ClientRow.Read(r), cancellationToken);

    public Task<IReadOnlySet<string>> FindClientsInReachAsync(
        string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        FindInReachAsync(
            c => new SqliteCommand(ClientsInReachSql, c).Bind("$practitioner", practitionerId).Bind("$ids", clientIds),
            clientIds.Count, cancellationToken);

    public Task<IReadOnlySet<string>> FindFamiliesInReachAsync(
        string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        FindInReachAsync(
            c => new SqliteCommand(FamiliesInReachSql, c).Bind("$practitioner", practitionerId).Bind("$ids", familyIds),
            familyIds.Count, cancellationToken);

    private async Task<IReadOnlySet<string>> FindInReachAsync(
        Func<SqliteConnection, SqliteCommand> query, int asked, CancellationToken cancellationToken)
    {
        if (asked == 0)
        {
            return new HashSet<string>();
        }
        var ids = await QueryAsync(query, r => r.GetString(0), cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private static ILookup<string, T> EmptyLookup<T>() => Array.Empty<(string, T)>().ToLookup(p => p.Item1, p => p.Item2);
}
