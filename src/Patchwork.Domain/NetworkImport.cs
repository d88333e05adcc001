namespace Patchwork;

/// <summary>
/// Loading a whole network that arrives in pieces (a county-sized seed, or a move between stores). The embedded
/// store loads it as one change (every piece is in the store afterwards or none is) and builds its indexes once, at
/// the end, which is far faster than one <see cref="INetworkStore.ImportAsync"/> per piece. Neo4j, whose server holds
/// a transaction's changes in memory, commits it in transactions of bounded size: a load that fails part-way leaves
/// what it committed, and the same load run again completes it, since it merges rows by id. Each piece refers only to
/// nodes in the pieces before it or already in the store.
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
public sealed record ImportProgress(ImportStage Stage, long Families, long Clients, long Involvements, long Visits)
{
    /// <summary>The progress once one more piece of a load is in.</summary>
    public ImportProgress After(NetworkSnapshot piece) => this with
    {
        Families = Families + piece.Families.Count,
        Clients = Clients + piece.Clients.Count,
        Involvements = Involvements + piece.Involvements.Count,
        Visits = Visits + piece.Visits.Count,
    };
}
