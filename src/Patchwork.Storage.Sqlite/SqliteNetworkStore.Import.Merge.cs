using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// The bulk import in merge mode: how a move into a store that already holds an earlier copy is run again.
public sealed partial class SqliteNetworkStore
{
    /// <summary>
    /// A bulk import that brings rows already in the store up to the incoming values instead of refusing them: a node
    /// by its id, an involvement by its practitioner, client and start. Identical rows are left untouched, so loading
    /// the same network twice leaves the store as once. Asked for explicitly: the ordinary import (and so the seed)
    /// still refuses a row that is already there.
    /// </summary>
    public INetworkBulkImport Merging => new MergingImport(this);

    /// <summary>
    /// One transaction, as the ordinary bulk import; the indexes stay in place, since every row is looked up before
    /// it is written.
    /// </summary>
    private Task MergeAsync(
        IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RefusingClashesAsync(() => MergeInOneTransactionAsync(pieces, progress, cancellationToken));

    private async Task MergeInOneTransactionAsync(
        IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        await using var connection = await OpenImportConnectionAsync(cancellationToken);
        ImportProgress loaded;
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            var before = await LastClientSeqAsync(transaction, cancellationToken);
            await using (var writes = new ImportCommands(_sql, transaction, merge: true))
            {
                loaded = await LoadAsync(writes, pieces, progress, cancellationToken);
            }
            progress?.Report(loaded with { Stage = ImportStage.Indexing });
            await IndexClientNamesAsync(transaction, before, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        progress?.Report(loaded with { Stage = ImportStage.Done });
        await ExecuteAsync(_sql.Command(Checkpoint, connection), cancellationToken);
    }

    private sealed class MergingImport(SqliteNetworkStore store) : INetworkBulkImport
    {
        public Task ImportAsync(
            IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
            store.MergeAsync(pieces, progress, cancellationToken);
    }
}
