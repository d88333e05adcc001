namespace Patchwork.Network;

public enum ImportStage
{
    /// <summary>Rows are going in; the counts say how many so far.</summary>
    Loading,

    /// <summary>Every row is in; the indexes and the name search are being built.</summary>
    Indexing,

    /// <summary>Committed.</summary>
    Done,
}
