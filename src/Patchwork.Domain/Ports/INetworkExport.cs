using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>
/// Reading a whole network back out of a store, in the order <see cref="INetworkBulkImport"/> loads it: how a
/// pilot on the embedded store moves to Neo4j (and back). Counts per node and relationship type let the move
/// check that everything arrived.
/// </summary>
public interface INetworkExport
{
    /// <summary>The network in pieces of at most <paramref name="pieceSize"/> rows of each kind, follow-up requests last; every piece refers only to earlier ones.</summary>
    IAsyncEnumerable<NetworkSnapshot> ExportAsync(int pieceSize, CancellationToken cancellationToken);

    /// <summary>The audit trail, oldest first, in pieces of at most <paramref name="pieceSize"/> entries.</summary>
    IAsyncEnumerable<IReadOnlyList<AuditEntry>> ExportAuditAsync(int pieceSize, CancellationToken cancellationToken);

    Task<NetworkCounts> CountAsync(CancellationToken cancellationToken);
}
