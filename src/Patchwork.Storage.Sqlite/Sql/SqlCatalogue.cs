using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite.Sql;

/// <summary>
/// Every statement's text, read from the embedded <c>Sql/</c> files when the store is built: a file that is missing
/// or empty stops start-up with its name, instead of failing the first request that needs it.
/// </summary>
internal sealed class SqlCatalogue
{
    private static readonly Assembly Resources = typeof(SqlCatalogue).Assembly;

    private readonly Dictionary<string, string> _texts;

    private SqlCatalogue(Dictionary<string, string> texts) => _texts = texts;

    /// <summary>Loads every declared statement, or throws naming each one that cannot be read.</summary>
    public static SqlCatalogue Load() => Load(Statements.All);

    internal static SqlCatalogue Load(IEnumerable<Statement> statements)
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
            ? new SqlCatalogue(texts)
            : throw new InvalidOperationException(
                $"The SQLite store cannot start: these SQL files are missing or empty in the build: {string.Join(", ", problems)}.");
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

    public string TextOf(Statement statement) => _texts[statement.Name];

    /// <summary>A command that runs the statement on the connection (in the transaction, if given); the caller binds its values.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The text is one of the store's embedded statement files; values are always bound as parameters.")]
    public SqliteCommand Command(Statement statement, SqliteConnection connection, SqliteTransaction? transaction = null) =>
        new(TextOf(statement), connection, transaction);
}
