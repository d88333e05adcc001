using System.Globalization;
using System.Text.RegularExpressions;
using Patchwork.Storage.Neo4j.Http;

namespace Patchwork.Storage.Neo4j.Cypher;

/// <summary>
/// The graph schema, versioned like the SQLite migrations: <c>cypher/schema/NNNN_name.cypher</c>, each a list of
/// constraint and index statements (all IF NOT EXISTS), applied in order, each version recorded as a
/// <c>SchemaVersion</c> node once all its statements ran. Schema statements cannot share a transaction with data,
/// so each runs on its own; a failure part-way leaves the version unrecorded and the next start applies it again.
/// </summary>
public static partial class SchemaMigrations
{
    private const string Folder = "cypher/schema/";

    /// <summary>Every migration in the build, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    public static int Latest => Embedded.Count == 0 ? 0 : Embedded[^1].Version;

    /// <summary>Applies the migrations the database has not recorded yet; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        QueryApiClient client, CypherCatalogue catalogue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var applied = await AppliedAsync(client, catalogue, cancellationToken);
        if (applied.Count > 0 && applied.Max() > Latest)
        {
            throw new InvalidOperationException(
                $"The Neo4j database has schema version {applied.Max()}, newer than this build knows ({Latest}). Run a newer build.");
        }
        var done = new List<int>();
        foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
        {
            for (var i = 0; i < migration.Statements.Count; i++)
            {
                await client.WriteImplicitAsync(
                    new StatementCall($"{migration.Name}#{i + 1}", migration.Statements[i], new Dictionary<string, object?>()), cancellationToken);
            }
            await client.WriteImplicitAsync(catalogue.Call(Statements.RecordSchemaVersion,
                ("version", (long)migration.Version), ("name", migration.Name), ("appliedAt", now)), cancellationToken);
            done.Add(migration.Version);
        }
        return done;
    }

    public static async Task<bool> IsCurrentAsync(QueryApiClient client, CypherCatalogue catalogue, CancellationToken cancellationToken)
    {
        var applied = await AppliedAsync(client, catalogue, cancellationToken);
        return Embedded.All(m => applied.Contains(m.Version));
    }

    private static async Task<HashSet<int>> AppliedAsync(QueryApiClient client, CypherCatalogue catalogue, CancellationToken cancellationToken)
    {
        var result = await client.ReadAsync(catalogue.Call(Statements.AppliedSchemaVersions), cancellationToken);
        return [.. result.Column<long>("version").Select(v => (int)v)];
    }

    private static List<Migration> Load()
    {
        var migrations = new List<Migration>();
        foreach (var resource in CypherCatalogue.ResourcesUnder(Folder))
        {
            var name = Path.GetFileNameWithoutExtension(resource);
            var match = VersionPattern().Match(name);
            var text = CypherCatalogue.ReadResource(resource);
            if (!match.Success || string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidOperationException($"The Neo4j store cannot start: {resource} is unreadable or not named NNNN_name.cypher.");
            }
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, Split(text)));
        }
        return migrations;
    }

    /// <summary>The statements of a file: comment lines dropped, split at each line that ends with a semicolon.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }
            current.Add(line);
            if (line.EndsWith(';'))
            {
                statements.Add(string.Join('\n', current).TrimEnd(';'));
                current.Clear();
            }
        }
        if (current.Count > 0)
        {
            statements.Add(string.Join('\n', current));
        }
        return statements;
    }

    [GeneratedRegex("^([0-9]{4})_[a-z0-9_]+$")]
    private static partial Regex VersionPattern();

    public sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);
}
