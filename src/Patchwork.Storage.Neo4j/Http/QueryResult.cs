namespace Patchwork.Storage.Neo4j.Http;

/// <summary>One answer of the Query API: the returned fields, the rows of decoded values, and the bookmarks.</summary>
public sealed class QueryResult(IReadOnlyList<string> fields, IReadOnlyList<object?[]> values, IReadOnlyList<string> bookmarks)
{
    private readonly Dictionary<string, int> _ordinals =
        fields.Select((name, i) => (name, i)).ToDictionary(f => f.name, f => f.i, StringComparer.Ordinal);

    public IReadOnlyList<string> Fields { get; } = fields;

    public IReadOnlyList<object?[]> Values { get; } = values;

    public IReadOnlyList<string> Bookmarks { get; } = bookmarks;

    /// <summary>Each row's value of one field.</summary>
    public IEnumerable<T> Column<T>(string field)
    {
        var at = _ordinals.TryGetValue(field, out var i)
            ? i
            : throw new InvalidOperationException($"The statement returned no field '{field}' (it returned {string.Join(", ", Fields)}).");
        return Values.Select(row => (T)row[at]!);
    }

    /// <summary>Each row as its fields by name (a statement that returns several plain values).</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Rows() =>
        Values.Select(row => (IReadOnlyDictionary<string, object?>)_ordinals.ToDictionary(f => f.Key, f => row[f.Value], StringComparer.Ordinal));

    /// <summary>Each row's single map-valued field (a statement that returns <c>x {…} AS field</c>).</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Maps(string field) => Column<IReadOnlyDictionary<string, object?>>(field);
}
