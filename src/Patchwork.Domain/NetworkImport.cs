namespace Patchwork;

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
