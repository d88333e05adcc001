using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>
/// Loading a whole network that arrives in pieces (a county-sized seed, or a move between stores). The embedded
/// store loads it as one change (every piece is in the store afterwards or none is) and builds its indexes once, at
/// the end, which is far faster than one <see cref="IStoreLifecycle.ImportAsync"/> per piece. Neo4j, whose server holds
/// a transaction's changes in memory, commits it in transactions of bounded size: a load that fails part-way leaves
/// what it committed, and the same load run again completes it, since it merges rows by id. Each piece refers only to
/// nodes in the pieces before it or already in the store.
/// </summary>
public interface INetworkBulkImport
{
    Task ImportAsync(IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}
