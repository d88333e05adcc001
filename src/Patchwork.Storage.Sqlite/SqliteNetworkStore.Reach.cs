using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// Which clients and families a practitioner can reach, read with the records themselves.
public sealed partial class SqliteNetworkStore : IReach
{
    // In reach: the practitioner supports the client, or supports someone in the client's family.
    // The family branch walks from the family to its few members, then looks up the practitioner's involvement
    // with each, rather than scanning all of the practitioner's clients. Returning the records adds no search:
    // the checks run on the same indexes, and the asked rows are read by primary key.
    private const string ClientsInReachSql = "SELECT " + ClientRow.Columns + """
         FROM client c
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

    private const string FamiliesInReachSql = "SELECT " + FamilyRow.Columns + """
         FROM family f
        WHERE f.id IN (SELECT value FROM json_each($ids))
          AND EXISTS (SELECT 1 FROM client m
                      WHERE m.family_id = f.id
                        AND EXISTS (SELECT 1 FROM involvement i
                                    WHERE i.practitioner_id = $practitioner AND i.client_id = m.id
                                      AND i.ended_on IS NULL))
        """;

    public Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(
        string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        GetInReachAsync(
            c => new SqliteCommand(ClientsInReachSql, c).Bind("$practitioner", practitionerId).Bind("$ids", clientIds),
            clientIds.Count, r => ClientRow.Read(r), client => client.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(
        string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        GetInReachAsync(
            c => new SqliteCommand(FamiliesInReachSql, c).Bind("$practitioner", practitionerId).Bind("$ids", familyIds),
            familyIds.Count, r => FamilyRow.Read(r), family => family.Id, cancellationToken);

    private async Task<IReadOnlyDictionary<string, T>> GetInReachAsync<T>(Func<SqliteConnection, SqliteCommand> query, int asked,
        Func<SqliteDataReader, T> read, Func<T, string> key, CancellationToken cancellationToken)
    {
        if (asked == 0)
        {
            return new Dictionary<string, T>();
        }
        var records = await QueryAsync(query, read, cancellationToken);
        return records.ToDictionary(key, StringComparer.Ordinal);
    }
}
