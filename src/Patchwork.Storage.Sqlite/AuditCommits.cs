using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Storage.Sqlite.Sql;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// Group commit for the audit trail. Every answer waits until its audit entries are committed, and a commit is an
/// fsync of the write-ahead log (synchronous = FULL), which costs far more than the insert. So entries queue, and
/// whoever finds no commit running takes the turn: it writes every entry waiting, its own among them, in one
/// transaction and commits once, releasing all of those requests together. Alone, a request writes its own at once
/// on its own thread; under load, what queued during one commit goes in the next, carried on in the background.
/// The writer keeps one connection and its insert prepared. Should a batch fail, each request in it is written on
/// its own, so one request's failure is never another's.
/// </summary>
internal sealed class AuditCommits(Func<CancellationToken, Task<SqliteConnection>> open, SqlCatalogue sql) : IDisposable
{
    private const int MaxEntriesPerCommit = 2_000;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private int _turn;
    private volatile bool _closed;
    private int _disposals;

    /// <summary>Completes once the entries are committed (or fails with why they could not be).</summary>
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var pending = new Pending(entries);
        _waiting.Enqueue(pending);
        if (_closed)
        {
            // Closed while this was queued: nobody will write it, so nobody may wait for it.
            Fail(_waiting, Closed());
        }
        else if (TryTakeTurn())
        {
            await CommitWaitingAsync();
            PassTurnOn();
        }
        await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits for a commit under way, then closes the writer's connection; later appends are refused.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposals, 1) == 1)
        {
            return;
        }
        _closed = true;
        SpinWait.SpinUntil(TryTakeTurn);
        Fail(_waiting, Closed());
        CloseConnection();
    }

    private bool TryTakeTurn() => Interlocked.CompareExchange(ref _turn, 1, 0) == 0;

    // Entries queued while the turn was held are written next, in the background: nobody else may come to write them.
    private void PassTurnOn()
    {
        Volatile.Write(ref _turn, 0);
        if (!_waiting.IsEmpty && !_closed && TryTakeTurn())
        {
            _ = Task.Run(async () =>
            {
                await CommitWaitingAsync();
                PassTurnOn();
            });
        }
    }

    private async Task CommitWaitingAsync()
    {
        var batch = new List<Pending>();
        var entries = 0;
        while (entries < MaxEntriesPerCommit && _waiting.TryDequeue(out var pending))
        {
            batch.Add(pending);
            entries += pending.Entries.Count;
        }
        if (batch.Count > 0)
        {
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await InsertAsync(batch);
            batch.ForEach(p => p.Committed.TrySetResult());
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception failure)
        {
            batch[0].Committed.TrySetException(failure);
        }
    }

    private async Task InsertAsync(List<Pending> batch)
    {
        try
        {
            var insert = await InsertCommandAsync();
            using var transaction = insert.Connection!.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            foreach (var entry in batch.SelectMany(p => p.Entries))
            {
                insert.BindAudit(entry with { At = Db.Stored(entry.At) }).ExecuteNonQuery();
            }
            transaction.Commit();
        }
        catch
        {
            // Whatever went wrong, the next batch starts from a fresh connection.
            CloseConnection();
            throw;
        }
    }

    private async Task<SqliteCommand> InsertCommandAsync()
    {
        if (_insert is null)
        {
            _connection = await open(CancellationToken.None);
            _insert = sql.Command(Statements.AppendAudit, _connection);
        }
        return _insert;
    }

    private void CloseConnection()
    {
        _insert?.Dispose();
        _connection?.Dispose();
        (_insert, _connection) = (null, null);
    }

    private static ObjectDisposedException Closed() =>
        new(nameof(SqliteNetworkStore), "The store is closed; the audit trail cannot be written.");

    private static void Fail(ConcurrentQueue<Pending> waiting, Exception why)
    {
        while (waiting.TryDequeue(out var pending))
        {
            pending.Committed.TrySetException(why);
        }
    }

    private sealed record Pending(IReadOnlyCollection<AuditEntry> Entries)
    {
        // Continuations run on their own threads, so a writer never runs another request's answer before its own.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
