using System.Reflection;

namespace Patchwork.Storage.Neo4j.Cypher;

/// <summary>
/// Every statement's text, read from the embedded <c>cypher/</c> files when the store is built: a file that is
/// missing or unreadable stops start-up with its name, instead of failing the first request that needs it.
/// </summary>
public sealed class CypherCatalogue
{
    private static readonly Assembly Resources = typeof(CypherCatalogue).Assembly;

    private readonly Dictionary<string, string> _texts;

    private CypherCatalogue(Dictionary<string, string> texts) => _texts = texts;

    /// <summary>Loads every declared statement, or throws naming each one that cannot be read.</summary>
    public static CypherCatalogue Load() => Load(Statements.All);

    internal static CypherCatalogue Load(IEnumerable<Statement> statements)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var statement in statements)
        {
            var text = ReadResource(statement.ResourceName);
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(statement.ResourceName);
                continue;
            }
            texts[statement.Name] = text;
        }
        return problems.Count == 0
            ? new CypherCatalogue(texts)
            : throw new InvalidOperationException(
                $"The Neo4j store cannot start: these Cypher files are missing or empty in the build: {string.Join(", ", problems)}.");
    }

    /// <summary>The text of an embedded file, or null when it is absent or unreadable.</summary>
    public static string? ReadResource(string resourceName)
    {
        try
        {
            using var stream = Resources.GetManifestResourceStream(resourceName);
            if (stream is null)
            {
                return null;
            }
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The embedded files under a folder (<c>cypher/schema/</c>), by resource name, in name order.</summary>
    public static IReadOnlyList<string> ResourcesUnder(string prefix) =>
        [.. Resources.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public string TextOf(Statement statement) => _texts[statement.Name];

    /// <summary>A call of the statement with these values; the names must be exactly the declared parameters.</summary>
    public StatementCall Call(Statement statement, params (string Name, object? Value)[] values)
    {
        var given = values.Select(v => v.Name).Order(StringComparer.Ordinal).ToArray();
        var declared = statement.Parameters.Order(StringComparer.Ordinal).ToArray();
        if (!given.SequenceEqual(declared, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{statement.ResourceName} takes ({string.Join(", ", declared)}) but was called with ({string.Join(", ", given)}).");
        }
        return new StatementCall(statement.Name, _texts[statement.Name], values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
    }
}
