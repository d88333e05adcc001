using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Tests.Sqlite;

/// <summary>A full scan of a table in a statement's plan: the table, and the plan line that reads it all.</summary>
public sealed record FullScan(string Table, string Line);

/// <summary>
/// What SQLite's own planner says a statement will do (<c>EXPLAIN QUERY PLAN</c>), every parameter bound to NULL: the
/// planner does not look at the values, so the plan is the one every call gets. A full scan is a plan line
/// <c>SCAN x</c> that does not go down an index, or a search on an automatic index, which SQLite builds by reading the
/// whole table first. The plan names a table by its alias in the statement, so each alias must name one table (or
/// one common table expression) throughout the statement.
/// </summary>
public static partial class QueryPlan
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "JOIN", "ON", "ORDER", "GROUP", "LIMIT", "CROSS", "LEFT", "INNER", "UNION", "SET", "VALUES", "SELECT",
        "USING", "AS", "NATURAL", "WINDOW", "HAVING", "RETURNING",
    };

    /// <summary>Every line of the statement's plan, each indented by its depth.</summary>
    public static IReadOnlyList<string> Explain(SqliteConnection connection, string sql, IEnumerable<string> parameters)
    {
        var lines = new List<string>();
        foreach (var statement in Statements(sql).Where(s => !s.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)))
        {
            using var explain = connection.CreateCommand();
#pragma warning disable CA2100 // The store's own statement files, prefixed with EXPLAIN QUERY PLAN; values are parameters.
            explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
#pragma warning restore CA2100
            foreach (var name in parameters.Where(p => statement.Contains('$' + p, StringComparison.Ordinal)))
            {
                explain.Parameters.AddWithValue('$' + name, DBNull.Value);
            }
            using var plan = explain.ExecuteReader();
            var depths = new Dictionary<long, int> { [0] = 0 };
            while (plan.Read())
            {
                var depth = depths.GetValueOrDefault(plan.GetInt64(plan.GetOrdinal("parent"))) + 1;
                depths[plan.GetInt64(plan.GetOrdinal("id"))] = depth;
                lines.Add(new string(' ', 2 * depth) + plan.GetString(plan.GetOrdinal("detail")));
            }
        }
        return lines;
    }

    /// <summary>The full scans in the statement's plan, of the tables among <paramref name="tables"/>.</summary>
    public static IReadOnlyList<FullScan> FullScans(
        SqliteConnection connection, string sql, IEnumerable<string> parameters, IReadOnlySet<string> tables)
    {
        var sources = Sources(sql);
        var scans = new List<FullScan>();
        foreach (var line in Explain(connection, sql, parameters))
        {
            var scan = ScanLine().Match(line.Trim());
            if (!scan.Success || !ReadsAll(scan.Groups["how"].Value))
            {
                continue;
            }
            var name = scan.Groups["name"].Value;
            var table = sources.TryGetValue(name, out var named) ? named : name;
            if (tables.Contains(table))
            {
                scans.Add(new FullScan(table, line.Trim()));
            }
        }
        return scans;
    }

    /// <summary>Each alias (and each table named without one) of the statement, with the table or CTE it names.</summary>
    public static IReadOnlyDictionary<string, string> Sources(string sql)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match source in Source().Matches(StripComments(sql)))
        {
            var table = source.Groups["table"].Value;
            if (Keywords.Contains(table))
            {
                continue; // ON CONFLICT … DO UPDATE SET: no table
            }
            var alias = source.Groups["alias"].Success && !Keywords.Contains(source.Groups["alias"].Value)
                ? source.Groups["alias"].Value
                : table;
            if (sources.TryGetValue(alias, out var earlier) && earlier != table)
            {
                throw new InvalidOperationException(
                    $"The alias '{alias}' names both {earlier} and {table}: the plan could not tell them apart; give each its own alias.");
            }
            sources[alias] = table;
        }
        return sources;
    }

    // "SCAN c" reads the whole table; "SCAN c USING (COVERING) INDEX i" walks an index; a virtual table (json_each,
    // the name search) answers for itself. "SEARCH c USING AUTOMATIC (PARTIAL) COVERING INDEX" builds that index
    // from the whole table on every run.
    private static bool ReadsAll(string how) =>
        how.StartsWith("SCAN", StringComparison.Ordinal)
            ? !how.Contains("INDEX", StringComparison.Ordinal) && !how.Contains("VIRTUAL TABLE", StringComparison.Ordinal)
            : how.Contains("AUTOMATIC", StringComparison.Ordinal);

    private static IEnumerable<string> Statements(string sql) =>
        StripComments(sql).Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string StripComments(string sql) => StringOrComment().Replace(sql, m => m.Value.StartsWith('\'') ? m.Value : " ");

    [GeneratedRegex(@"'(?:[^']|'')*'|--[^\n]*")]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"\b(?:FROM|JOIN|UPDATE|INTO)\s+(?<table>[A-Za-z_][A-Za-z0-9_]*)(?:\s+(?:AS\s+)?(?<alias>[A-Za-z_][A-Za-z0-9_]*))?", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    [GeneratedRegex(@"^(?<how>(?:SCAN|SEARCH) (?<name>[A-Za-z_][A-Za-z0-9_]*).*)$")]
    private static partial Regex ScanLine();
}
