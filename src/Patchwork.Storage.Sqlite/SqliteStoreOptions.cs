namespace Patchwork.Storage.Sqlite;

/// <summary>Where the embedded store keeps its database file. Bound from the configuration section "Storage:Sqlite".</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file; relative paths are relative to the working directory. Its directory is created.</summary>
    public string Path { get; set; } = "data/patchwork.db";
}
