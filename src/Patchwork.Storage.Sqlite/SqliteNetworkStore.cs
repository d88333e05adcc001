using Microsoft.Data.Sqlite;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite.Sql;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// The embedded store: the whole network in one SQLite file, with no server to run.
/// Every operation takes a connection from Microsoft.Data.Sqlite's pool and gives it back. Every write is one
/// BEGIN IMMEDIATE transaction: it takes the write lock up front, so concurrent writers queue on the busy
/// timeout instead of failing on a lock upgrade, and it checks its preconditions, changes the graph and appends
/// its audit entry under that one lock — a rejected write leaves nothing behind. Every statement is a file under
/// <c>Sql/</c>, loaded when the store is built. Call <see cref="InitializeAsync"/> once at start-up, before anything else.
/// </summary>
public sealed partial class SqliteNetworkStore : IStoreLifecycle, IDisposable
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SqlCatalogue _sql;
    private readonly ReadSessions _readers;
    private readonly AuditCommits _auditCommits;

    public SqliteNetworkStore(SqliteStoreOptions options, TimeProvider time)
    {
        _sql = SqlCatalogue.Load();
        _path = Path.GetFullPath(options.Path);
        _connectionString = ConnectionString(_path, pooling: true);
        _time = time;
        // Kept sessions outlive a pooled connection's turn, so they open their own, unpooled.
        var unpooled = ConnectionString(_path, pooling: false);
        _readers = new ReadSessions(cancellationToken => OpenAsync(unpooled, cancellationToken));
        _auditCommits = new AuditCommits(cancellationToken => OpenAsync(unpooled, cancellationToken), _sql);
    }

    /// <summary>Creates the file and its directory if needed, switches it to WAL and brings the schema up to date.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = _sql.Command(WriteAheadLog, connection))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await SchemaMigrations.ApplyAsync(connection, cancellationToken);
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted once the store is gone.</summary>
    public void Dispose()
    {
        _auditCommits.Dispose();
        _readers.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Ready when the file can be opened and queried and its schema is the one this build expects.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await SchemaMigrations.IsCurrentAsync(connection, cancellationToken);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = _sql.Command(IsEmpty, connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1L;
    }

    private static string ConnectionString(string path, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = pooling,
    }.ToString();

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenAsync(_connectionString, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var setup = _sql.Command(ConnectionSetup, connection);
            await setup.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Now, at the precision the store keeps.</summary>
    private DateTimeOffset Now() => Db.Stored(_time.GetUtcNow());

    /// <summary>
    /// Runs one query and reads every row, on a kept connection whose prepared statement for this SQL, and the
    /// ordinals <paramref name="read"/> looked up for it, are reused: <paramref name="command"/> only says which SQL and
    /// which values.
    /// </summary>
    private async Task<List<T>> QueryAsync<T>(
        Func<SqliteConnection, SqliteCommand> command, RowReader<T> read, CancellationToken cancellationToken)
    {
        var session = await _readers.RentAsync(cancellationToken);
        try
        {
            await using var request = command(session.Connection);
            var prepared = session.Prepared(request);
            return await ReadAllAsync(prepared.Command, result => prepared.RowsOf(read, result), cancellationToken);
        }
        finally
        {
            _readers.Return(session);
        }
    }

    private static async Task<List<T>> ReadAllAsync<T>(
        SqliteCommand query, RowReader<T> rows, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var read = rows(reader);
        var all = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add(read(reader));
        }
        return all;
    }

    /// <summary>Runs a command and disposes it.</summary>
    private static async Task<int> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs a <c>SELECT EXISTS (…)</c> and disposes the command.</summary>
    private static async Task<bool> ExistsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken) is 1L;
        }
    }

    /// <summary>Runs a query for at most one row and disposes the command.</summary>
    private static async Task<T?> SingleOrDefaultAsync<T>(
        SqliteCommand command, RowReader<T> read, CancellationToken cancellationToken) where T : class
    {
        await using (command)
        {
            return (await ReadAllAsync(command, read, cancellationToken)).SingleOrDefault();
        }
    }
}
