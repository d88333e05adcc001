using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Bulk load of a whole network.
public sealed partial class SqliteNetworkStore
{
    // A large page cache keeps the indexes being filled in memory for the length of the load
    // (negative = KiB, so 512 MiB); the import's connection is not pooled, so the cache goes away with it.
    private const string ImportCacheSql = "PRAGMA cache_size = -524288";

    /// <summary>
    /// Loads a snapshot (or one batch of a larger network) in one transaction, parents before children, with one
    /// prepared INSERT per table rebound for every row. Foreign keys stay on, so a snapshot that refers to a node
    /// neither in it nor already in the store is refused whole. Visit.Restricted is not read: the store derives it.
    /// </summary>
    public async Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(ConnectionString(_path, pooling: false), cancellationToken);
        await using (var cache = new SqliteCommand(ImportCacheSql, connection))
        {
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        await InsertAllAsync(new SqliteCommand(Inserts.Agency, connection, transaction),
            snapshot.Agencies, (c, a) => c.BindAgency(a), cancellationToken);
        await InsertAllAsync(new SqliteCommand(Inserts.Practitioner, connection, transaction),
            snapshot.Practitioners, (c, p) => c.BindPractitioner(p), cancellationToken);
        await InsertAllAsync(new SqliteCommand(Inserts.Family, connection, transaction),
            snapshot.Families, (c, f) => c.BindFamily(f), cancellationToken);
        await ImportClientsAsync(transaction, snapshot.Clients, cancellationToken);
        await InsertAllAsync(new SqliteCommand(Inserts.Involvement, connection, transaction),
            snapshot.Involvements, (c, i) => c.BindInvolvement(i), cancellationToken);
        await InsertAllAsync(new SqliteCommand(Inserts.Visit, connection, transaction),
            snapshot.Visits, (c, v) => c.BindVisit(v), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // The rows first, then their names into the search index in one statement: many times faster than
    // indexing row by row.
    private static async Task ImportClientsAsync(
        SqliteTransaction transaction, IReadOnlyList<Client> clients, CancellationToken cancellationToken)
    {
        await using var lastSeq = new SqliteCommand(Inserts.LastClientSeq, transaction.Connection, transaction);
        var before = (long)(await lastSeq.ExecuteScalarAsync(cancellationToken))!;
        await InsertAllAsync(new SqliteCommand(Inserts.Client, transaction.Connection, transaction),
            clients, (c, client) => c.BindClient(client), cancellationToken);
        await ExecuteAsync(new SqliteCommand(Inserts.ClientNamesAfter, transaction.Connection, transaction)
            .Bind("$after", before), cancellationToken);
    }

    /// <summary>Runs one prepared INSERT for every row, then disposes it.</summary>
    private static async Task InsertAllAsync<T>(
        SqliteCommand insert, IReadOnlyList<T> rows, Func<SqliteCommand, T, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using (insert)
        {
            insert.Prepare();
            foreach (var row in rows)
            {
                await bind(insert, row).ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
