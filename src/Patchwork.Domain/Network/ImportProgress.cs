namespace Patchwork.Network;

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
