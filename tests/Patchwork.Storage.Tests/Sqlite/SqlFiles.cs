namespace Patchwork.Storage.Tests.Sqlite;

/// <summary>Where the embedded store's statement files are in the repository.</summary>
internal static class SqlFiles
{
    public static string Root { get; } = Path.Combine(RepositoryRoot(), "src", "Patchwork.Storage.Sqlite", "Sql");

    public static string PathOf(string name) => Path.Combine(Root, $"{name}.sql");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Patchwork.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
