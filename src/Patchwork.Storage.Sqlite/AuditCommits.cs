using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// Group commit for the audit trail. Every answer waits until its audit entries are committed, and a commit is
/// an fsync of the write-ahead log (synchronous = FULL), which costs far more than the insert. One writer takes
/// every request's entries that are waiting, writes them in one transaction and commits once, then releases all
/// of those requests together: the durability of a commit per request at the cost of a commit per batch. Alone,
/// a request is written at once, as before. Should a batch fail, each request in it is written on its own, so
/// one request's failure is never another's.
/// </summary>
internal sealed class AuditCommits : IDisposable
{
    private const int MaxEntriesPerCommit = 2_000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions
    {
        SingleReader = true,
    });

    private readonly Func<Func<SqliteTransaction, Task<int>>, CancellationToken, Task<int>> _write;

    /// <param name="write">Runs a change in one IMMEDIATE transaction and commits it.</param>
    public AuditCommits(Func<Func<SqliteTransaction, Task<int>>, CancellationToken, Task<int>> write)
    {
        _write = write;
        _ = Task.Run(WriteWhileOpenAsync);
    }

    /// <summary>Completes once the entries are committed (or fails with why they could not be).</summary>
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteNetworkStore), "The store is closed; the audit trail cannot be written.");
        }
        await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteWhileOpenAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var entries = 0;
            while (entries < MaxEntriesPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries += pending.Entries.Count;
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await _write(transaction => InsertAsync(transaction, batch), CancellationToken.None);
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

    private static async Task<int> InsertAsync(SqliteTransaction transaction, List<Pending> batch)
    {
        await using var insert = new SqliteCommand(Inserts.Audit, transaction.Connection, transaction);
        var written = 0;
        foreach (var pending in batch)
        {
            foreach (var entry in pending.Entries)
            {
                written += await insert.BindAudit(entry with { At = Db.Stored(entry.At) }).ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        return written;
    }

    private sealed record Pending(IReadOnlyCollection<AuditEntry> Entries, TaskCompletionSource Committed);
}
