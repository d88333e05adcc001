using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// Bulk load of a whole network: one snapshot, or a county-sized network streamed in pieces.
public sealed partial class SqliteNetworkStore : INetworkBulkImport
{
    // A large page cache keeps the B-trees being filled in memory for the length of the load
    // (negative = KiB, so 512 MiB); the import's connection is not pooled, so the cache goes away with it.
    // Two sorter threads let CREATE INDEX use both cores of a small server.
    private const string ImportSetupSql = """
        PRAGMA cache_size = -524288;
        PRAGMA threads = 2;
        """;

    // The indexes a streamed import drops and builds again at the end: every index of the tables that grow
    // with the network (the implicit ones behind PRIMARY KEY and UNIQUE have no SQL and stay, so ids are still
    // checked row by row). Read from the schema, so an index added by a later migration is handled the same way.
    private const string BulkIndexesSql = """
        SELECT name, sql FROM sqlite_schema
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('client', 'involvement', 'visit')
        ORDER BY name
        """;

    // The triggers that keep each client's running figures (latest contact, current involvements, latest planned
    // visit) as visits and involvements are written. A streamed import drops them too and works the figures out once
    // at the end: firing one per row costs a county seed five million updates of the client table.
    private const string BulkTriggersSql = """
        SELECT name, sql FROM sqlite_schema
        WHERE type = 'trigger' AND tbl_name IN ('involvement', 'visit')
        ORDER BY name
        """;

    // What those triggers keep, worked out for every client at once from the view they read (migration 0004), which
    // leaves restricted work out.
    private const string ClientFiguresSql = """
        UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
            (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
        """;

    // The whole file is in the WAL after a bulk load; copy it into the database and empty the log at once.
    private const string CheckpointSql = "PRAGMA wal_checkpoint(TRUNCATE)";

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
        await using (var inserts = new ImportCommands(transaction, merge: false))
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
            var indexes = await SchemaObjectsAsync(BulkIndexesSql, transaction, cancellationToken);
            var triggers = await SchemaObjectsAsync(BulkTriggersSql, transaction, cancellationToken);
            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync(SchemaStatement(DropSql("INDEX", name), transaction), cancellationToken);
            }
            foreach (var (name, _) in triggers)
            {
                await ExecuteAsync(SchemaStatement(DropSql("TRIGGER", name), transaction), cancellationToken);
            }

            ImportProgress loaded;
            await using (var inserts = new ImportCommands(transaction, merge: false))
            {
                loaded = await LoadAsync(inserts, pieces, progress, cancellationToken);
            }

            progress?.Report(loaded with { Stage = ImportStage.Indexing });
            foreach (var (_, sql) in indexes.Concat(triggers))
            {
                await ExecuteAsync(SchemaStatement(sql, transaction), cancellationToken);
            }
            await ExecuteAsync(new SqliteCommand(ClientFiguresSql, connection, transaction), cancellationToken);
            await IndexClientNamesAsync(transaction, before, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(loaded with { Stage = ImportStage.Done });
        }
        await ExecuteAsync(new SqliteCommand(CheckpointSql, connection), cancellationToken);
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
        await using (var setup = new SqliteCommand(ImportSetupSql, connection))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    private static async Task<long> LastClientSeqAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var lastSeq = new SqliteCommand(Inserts.LastClientSeq, transaction.Connection, transaction);
        return (long)(await lastSeq.ExecuteScalarAsync(cancellationToken))!;
    }

    // The names of every client added by this import, into the search index in one statement: many times
    // faster than indexing row by row.
    private static Task<int> IndexClientNamesAsync(SqliteTransaction transaction, long before, CancellationToken cancellationToken) =>
        ExecuteAsync(new SqliteCommand(Inserts.ClientNamesAfter, transaction.Connection, transaction)
            .Bind("$after", before), cancellationToken);

    private static Task<List<(string Name, string Sql)>> SchemaObjectsAsync(
        string sql, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        QueryAllAsync(SchemaStatement(sql, transaction), r => (Name: r.GetString(0), Sql: r.GetString(1)), cancellationToken);

    private static string DropSql(string kind, string name) =>
        $"DROP {kind} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Constant schema queries, the database's own index and trigger definitions, and DROP of their names quoted as identifiers.")]
    private static SqliteCommand SchemaStatement(string sql, SqliteTransaction transaction) =>
        new(sql, transaction.Connection, transaction);

    private static async Task<List<T>> QueryAllAsync<T>(
        SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
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
    private sealed class ImportCommands(SqliteTransaction transaction, bool merge) : IAsyncDisposable
    {
        private readonly SqliteCommand _agency = Prepared(merge ? Inserts.AgencyMerge : Inserts.Agency, transaction);
        private readonly SqliteCommand _practitioner = Prepared(merge ? Inserts.PractitionerMerge : Inserts.Practitioner, transaction);
        private readonly SqliteCommand _family = Prepared(merge ? Inserts.FamilyMerge : Inserts.Family, transaction);
        private readonly SqliteCommand _client = Prepared(merge ? Inserts.ClientMerge : Inserts.Client, transaction);
        private readonly SqliteCommand? _involvementUpdate = merge ? Prepared(Inserts.InvolvementMergeUpdate, transaction) : null;
        private readonly SqliteCommand _involvement = Prepared(merge ? Inserts.InvolvementMergeInsert : Inserts.Involvement, transaction);
        private readonly SqliteCommand _visit = Prepared(merge ? Inserts.VisitMerge : Inserts.Visit, transaction);
        private readonly SqliteCommand _followUp = Prepared(merge ? Inserts.FollowUpMerge : Inserts.FollowUp, transaction);
        private readonly SqliteCommand _followUpDuty = Prepared(merge ? Inserts.FollowUpDutyMerge : Inserts.FollowUpDuty, transaction);

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

        [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
            Justification = "The SQL is one of the constant statements in Inserts; values are bound as parameters.")]
        private static SqliteCommand Prepared(string sql, SqliteTransaction transaction) =>
            new(sql, transaction.Connection, transaction);

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
