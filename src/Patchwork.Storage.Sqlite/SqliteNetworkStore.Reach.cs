using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// Which clients and families a practitioner can reach, read with the records themselves.
public sealed partial class SqliteNetworkStore : IReach
{
    public Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(
        string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        GetInReachAsync(
            c => _sql.Command(ClientsInReach, c).Bind("$practitioner", practitionerId).Bind("$ids", clientIds),
            clientIds.Count, ClientRow.From, client => client.Id, cancellationToken);

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(
        string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        GetInReachAsync(
            c => _sql.Command(FamiliesInReach, c).Bind("$practitioner", practitionerId).Bind("$ids", familyIds),
            familyIds.Count, FamilyRow.From, family => family.Id, cancellationToken);

    private async Task<IReadOnlyDictionary<string, T>> GetInReachAsync<T>(Func<SqliteConnection, SqliteCommand> query, int asked,
        RowReader<T> read, Func<T, string> key, CancellationToken cancellationToken)
    {
        if (asked == 0)
        {
            return new Dictionary<string, T>();
        }
        var records = await QueryAsync(query, read, cancellationToken);
        return records.ToDictionary(key, StringComparer.Ordinal);
    }
}
