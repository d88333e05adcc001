using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// The schema's versions: embedded scripts <c>Migrations/NNNN_name.sql</c>, applied in order, each in its
/// own transaction together with the bump of <c>PRAGMA user_version</c>, so a failed migration leaves the
/// file at the previous version and re-opening an up-to-date file changes nothing.
/// </summary>
internal static class SchemaMigrations
{
    private const string ResourcePrefix = "Patchwork.Storage.Sqlite.Migrations.";
    private const string ReadVersionSql = "PRAGMA user_version";

    public sealed record Migration(int Version, string Name, string Script);

    public static IReadOnlyList<Migration> All { get; } = Load();

    public static int LatestVersion => All[^1].Version;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = await ReadVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({LatestVersion}). " +
                "Run a newer Patchwork, or point Storage:Sqlite:Path at another file.");
        }
        foreach (var migration in All.Where(m => m.Version > current))
        {
            await ApplyOneAsync(connection, migration, cancellationToken);
        }
    }

    public static async Task<bool> IsCurrentAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ReadVersionAsync(connection, cancellationToken) == LatestVersion;

    public static Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        ReadVersionAsync(connection, null, cancellationToken);

    private static async Task<int> ReadVersionAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(ReadVersionSql, connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The scripts are resources compiled into this assembly and the version is an int; no input reaches this SQL.")]
    private static async Task ApplyOneAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Another process opening the same file may have applied it while this one waited for the lock.
        if (await ReadVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
        {
            return;
        }
        await using (var script = new SqliteCommand(migration.Script, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }
        var bump = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version}");
        await using (var version = new SqliteCommand(bump, connection, transaction))
        {
            await version.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
        CheckNumbering(migrations);
        return migrations;
    }

    private static Migration Read(System.Reflection.Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..];
        var digits = new string([.. name.TakeWhile(char.IsAsciiDigit)]);
        if (digits.Length == 0)
        {
            throw new InvalidOperationException($"Migration '{name}' must start with its version number, as in 0001_initial.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration '{name}' is listed but cannot be read.");
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }

    // A gap or a repeat means a migration was lost or renumbered; refuse to run rather than skip one.
    private static void CheckNumbering(List<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1, 2, 3 … without gaps; found '{migrations[i].Name}' at position {i + 1}.");
            }
        }
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("No schema migrations are embedded in the SQLite store assembly.");
        }
    }
}
