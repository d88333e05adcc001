using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite.Sql;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// Bulk load of a whole network: one snapshot, or a county-sized network streamed in pieces.
public sealed partial class SqliteNetworkStore : INetworkBulkImport
{
    // SQLITE_CONSTRAINT_UNIQUE: a UNIQUE index refused a row.
    private const int UniqueConstraintFailed = 2067;

    /// <summary>
    /// Loads a snapshot (or one batch of a larger network) in one transaction, parents before children, with one
    /// prepared INSERT per table rebound for every row. Foreign keys stay on, so a snapshot that refers to a node
    /// neither in it nor already in the store is refused whole. Visit.Restricted is not read: the store derives it.
    /// </summary>
    public async Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await OpenImportConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var before = await LastClientSeqAsync(transaction, cancellationToken);
        await using (var inserts = new ImportCommands(_sql, transaction, merge: false))
        {
            await inserts.WriteAsync(snapshot, cancellationToken);
        }
        await IndexClientNamesAsync(transaction, before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Loads a network arriving in pieces as one transaction: the secondary indexes of clients, involvements and
    /// visits are dropped first and built again from the sorted rows at the end, and the names go into the search
    /// index in one statement, which together is many times faster than keeping every index up to date row by row.
    /// Any failure (a dangling reference, a duplicate current involvement when the unique index is rebuilt, a
    /// cancellation) rolls the whole load back, indexes included.
    /// </summary>
    public Task ImportAsync(
        IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RefusingClashesAsync(() => StreamAsync(pieces, progress, cancellationToken));

    private async Task StreamAsync(
        IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        await using var connection = await OpenImportConnectionAsync(cancellationToken);
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            var before = await LastClientSeqAsync(transaction, cancellationToken);
            var indexes = await SchemaObjectsAsync(BulkIndexes, transaction, cancellationToken);
            var triggers = await SchemaObjectsAsync(BulkTriggers, transaction, cancellationToken);
            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync(SchemaStatement(DropSql("INDEX", name), transaction), cancellationToken);
            }
            foreach (var (name, _) in triggers)
            {
                await ExecuteAsync(SchemaStatement(DropSql("TRIGGER", name), transaction), cancellationToken);
            }

            ImportProgress loaded;
            await using (var inserts = new ImportCommands(_sql, transaction, merge: false))
            {
                loaded = await LoadAsync(inserts, pieces, progress, cancellationToken);
            }

            progress?.Report(loaded with { Stage = ImportStage.Indexing });
            foreach (var (_, sql) in indexes.Concat(triggers))
            {
                await ExecuteAsync(SchemaStatement(sql, transaction), cancellationToken);
            }
            await ExecuteAsync(_sql.Command(ClientFigures, connection, transaction), cancellationToken);
            await IndexClientNamesAsync(transaction, before, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(loaded with { Stage = ImportStage.Done });
        }
        await ExecuteAsync(_sql.Command(Checkpoint, connection), cancellationToken);
    }

    /// <summary>
    /// A streamed load that breaks a uniqueness rule (a practitioner signing in with another's subject, two current
    /// involvements of one practitioner with one client) is a CONFLICT that says which; the load was rolled back whole.
    /// </summary>
    private static async Task RefusingClashesAsync(Func<Task> load)
    {
        try
        {
            await load();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == UniqueConstraintFailed)
        {
            var clash = e.Message.Contains("practitioner.subject", StringComparison.Ordinal)
                ? "a practitioner signs in with the subject of another practitioner"
                : e.Message.Contains("involvement.", StringComparison.Ordinal)
                    ? "a practitioner has two current involvements with one client"
                    : $"a uniqueness rule refused a row ({e.Message})";
            throw PatchworkException.Conflict(
                $"The import clashes with the store: {clash}. Nothing was loaded; correct the source and run the import again.");
        }
    }

    private static async Task<ImportProgress> LoadAsync(ImportCommands writes, IAsyncEnumerable<NetworkSnapshot> pieces,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var loaded = new ImportProgress(ImportStage.Loading, 0, 0, 0, 0);
        await foreach (var piece in pieces.WithCancellation(cancellationToken))
        {
            await writes.WriteAsync(piece, cancellationToken);
            loaded = loaded.After(piece);
            progress?.Report(loaded);
        }
        return loaded;
    }

    private async Task<SqliteConnection> OpenImportConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(ConnectionString(_path, pooling: false), cancellationToken);
        await using (var setup = _sql.Command(ImportSetup, connection))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    private async Task<long> LastClientSeqAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var lastSeq = _sql.Command(LastClientSeq, transaction.Connection!, transaction);
        return (long)(await lastSeq.ExecuteScalarAsync(cancellationToken))!;
    }

    // The names of every client added by this import, into the search index in one statement: many times
    // faster than indexing row by row.
    private Task<int> IndexClientNamesAsync(SqliteTransaction transaction, long before, CancellationToken cancellationToken) =>
        ExecuteAsync(_sql.Command(IndexClientNamesAfter, transaction.Connection!, transaction)
            .Bind("$after", before), cancellationToken);

    private Task<List<(string Name, string Sql)>> SchemaObjectsAsync(
        Statement statement, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        QueryAllAsync(_sql.Command(statement, transaction.Connection!, transaction), ReadSchemaObject, cancellationToken);

    private static Func<SqliteDataReader, (string Name, string Sql)> ReadSchemaObject(SqliteDataReader result)
    {
        var (name, sql) = (result.GetOrdinal("name"), result.GetOrdinal("sql"));
        return row => (row.GetString(name), row.GetString(sql));
    }

    private static string DropSql(string kind, string name) =>
        $"DROP {kind} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The database's own index and trigger definitions, and DROP of their names quoted as identifiers.")]
    private static SqliteCommand SchemaStatement(string sql, SqliteTransaction transaction) =>
        new(sql, transaction.Connection, transaction);

    private static async Task<List<T>> QueryAllAsync<T>(
        SqliteCommand command, RowReader<T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await ReadAllAsync(command, read, cancellationToken);
        }
    }

    /// <summary>
    /// One prepared statement per table for the length of an import, rebound for every row: a plain INSERT, which
    /// refuses a row already there, or in merge mode an upsert that brings such a row up to the incoming values.
    /// </summary>
    private sealed class ImportCommands(SqlCatalogue sql, SqliteTransaction transaction, bool merge) : IAsyncDisposable
    {
        private readonly SqliteCommand _agency = Prepared(sql, transaction, merge ? MergeAgency : InsertAgency);
        private readonly SqliteCommand _practitioner = Prepared(sql, transaction, merge ? MergePractitioner : InsertPractitioner);
        private readonly SqliteCommand _family = Prepared(sql, transaction, merge ? MergeFamily : InsertFamily);
        private readonly SqliteCommand _client = Prepared(sql, transaction, merge ? MergeClient : InsertClient);
        private readonly SqliteCommand? _involvementUpdate = merge ? Prepared(sql, transaction, MergeInvolvementUpdate) : null;
        private readonly SqliteCommand _involvement = Prepared(sql, transaction, merge ? MergeInvolvementInsert : InsertInvolvement);
        private readonly SqliteCommand _visit = Prepared(sql, transaction, merge ? MergeVisit : InsertVisit);
        private readonly SqliteCommand _followUp = Prepared(sql, transaction, merge ? MergeFollowUp : InsertFollowUp);
        private readonly SqliteCommand _followUpDuty = Prepared(sql, transaction, merge ? MergeFollowUpDuty : InsertFollowUpDuty);

        /// <summary>
        /// Parents before children, so every foreign key is checked against a row already there; a piece with an email
        /// no write would accept is refused before any of it is written.
        /// </summary>
        public async Task WriteAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken)
        {
            snapshot.CheckEmails();
            await WriteAllAsync(_agency, snapshot.Agencies, (c, a) => c.BindAgency(a), cancellationToken);
            await WriteAllAsync(_practitioner, snapshot.Practitioners, (c, p) => c.BindPractitioner(p), cancellationToken);
            await WriteAllAsync(_family, snapshot.Families, (c, f) => c.BindFamily(f), cancellationToken);
            await WriteAllAsync(_client, snapshot.Clients, (c, client) => c.BindClient(client), cancellationToken);
            if (_involvementUpdate is not null)
            {
                await WriteAllAsync(_involvementUpdate, snapshot.Involvements, (c, i) => c.BindInvolvement(i), cancellationToken);
            }
            await WriteAllAsync(_involvement, snapshot.Involvements, (c, i) => c.BindInvolvement(i), cancellationToken);
            await WriteAllAsync(_visit, snapshot.Visits, (c, v) => c.BindVisit(v), cancellationToken);
            await WriteAllAsync(_followUp, snapshot.FollowUps, (c, u) => c.BindFollowUp(u), cancellationToken);
            await WriteAllAsync(_followUpDuty, snapshot.FollowUps, (c, u) => c.BindFollowUp(u), cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { _agency, _practitioner, _family, _client, _involvementUpdate, _involvement, _visit, _followUp, _followUpDuty })
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }
        }

        private static SqliteCommand Prepared(SqlCatalogue sql, SqliteTransaction transaction, Statement statement) =>
            sql.Command(statement, transaction.Connection!, transaction);

        private static async Task WriteAllAsync<T>(
            SqliteCommand write, IReadOnlyList<T> rows, Func<SqliteCommand, T, SqliteCommand> bind, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                await bind(write, row).ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
