namespace Patchwork;

/// <summary>
/// Loading a whole network that arrives in pieces (a county-sized seed, or a move between stores), as one
/// change: either every piece is in the store afterwards or none is. A store that offers it loads far faster
/// than one <see cref="INetworkStore.ImportAsync"/> per piece, because it can build its indexes once, at the end.
/// Each piece refers only to nodes in the pieces before it or already in the store.
/// </summary>
public interface INetworkBulkImport
{
    Task ImportAsync(IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

public enum ImportStage
{
    /// <summary>Rows are going in; the counts say how many so far.</summary>
    Loading,

    /// <summary>Every row is in; the indexes and the name search are being built.</summary>
    Indexing,

    /// <summary>Committed.</summary>
    Done,
}

/// <summary>How far a bulk import has got: the stage, and the nodes and relationships loaded so far.</summary>
public sealed record ImportProgress(ImportStage Stage, long Families, long Clients, long Involvements, long Visits);
