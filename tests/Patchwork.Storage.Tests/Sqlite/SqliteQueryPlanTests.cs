using Microsoft.Data.Sqlite;
using Patchwork.Storage.Sqlite;
using Patchwork.Storage.Sqlite.Sql;

namespace Patchwork.Storage.Tests.Sqlite;

/// <summary>
/// Every statement file seeks where an index was meant, as SQLite's planner sees it (EXPLAIN QUERY PLAN) on a freshly
/// migrated database: no full scan of a table that grows with the network, but for the short list of statements
/// meant to read tables whole, which scan exactly the tables listed for them.
/// </summary>
public sealed class SqliteQueryPlanTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    // Agencies (a few hundred) and the schema table may be read whole by anything.
    private static readonly HashSet<string> LargeTables =
        ["client", "family", "practitioner", "involvement", "visit", "audit", "follow_up", "follow_up_duty"];

    /// <summary>The statements meant to read whole tables: which, and why.</summary>
    private static readonly Dictionary<string, (string[] Tables, string Why)> IntendedScans = new()
    {
        ["reports/report_families"] = (["family"], "a report reads every family of the county or area once"),
        ["reports/report_members"] = (["client"], "a report reads every membership once and joins in memory"),
        ["reports/involvements_at"] = (["involvement"], "a report reads every involvement once and joins in memory"),
        ["reports/practitioner_agencies"] = (["practitioner"], "a report reads every practitioner's agency once"),
        ["reports/family_visits_at"] = (["family"], "one pass over the families of the area, seeking each one's visits"),
        ["reports/families_without_contact_of_kind"] = (["family"], "one pass over the families, seeking each one's work"),
        ["import/client_figures"] = (["client"], "a streamed load works every client's figures out once, at its end"),
        ["export/count_network"] = (["follow_up", "follow_up_duty"], "a move counts every row it carried"),
        ["export/export_practitioners"] = (["practitioner"], "an export reads every row, in the order it was added"),
        ["export/export_families"] = (["family"], "an export reads every row, in the order it was added"),
        ["export/export_clients"] = (["client"], "an export reads every row, in the order it was added"),
        ["export/export_involvements"] = (["involvement"], "an export reads every row, in the order it was added"),
        ["export/export_visits"] = (["visit"], "an export reads every row, in the order it was added"),
        ["export/export_follow_ups"] = (["follow_up"], "an export reads every row, in the order it was added"),
        ["export/export_audit"] = (["audit"], "an export reads every row, in the order it was added"),
    };

    private static readonly SqlCatalogue Sql = SqlCatalogue.Load();

    public static TheoryData<string> StatementNames => [.. Statements.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_statement_scans_no_large_table_whole_unless_it_is_meant_to(string name)
    {
        var statement = Statements.All.Single(s => s.Name == name);

        var scans = QueryPlan.FullScans(database.Connection, Sql.TextOf(statement), statement.Parameters, LargeTables);

        var meant = IntendedScans.TryGetValue(name, out var intended) ? intended.Tables : [];
        Assert.True(meant.Order(StringComparer.Ordinal).SequenceEqual(scans.Select(s => s.Table).Distinct().Order(StringComparer.Ordinal)),
            $"{name} reads whole: [{string.Join(", ", scans.Select(s => s.Line))}]; meant: [{string.Join(", ", meant)}]. Plan:\n" +
            string.Join("\n", QueryPlan.Explain(database.Connection, Sql.TextOf(statement), statement.Parameters)));
    }

    [Fact]
    public void Every_intended_scan_is_of_a_declared_statement()
    {
        Assert.All(IntendedScans.Keys, name => Assert.Contains(Statements.All, s => s.Name == name));
    }

    [Theory]
    [InlineData("SELECT v.id FROM visit v WHERE v.mode = $mode", "visit", "SCAN v")]
    [InlineData("SELECT c.id, c.address FROM client c WHERE lower(c.id) = $id", "client", "SCAN c")]
    [InlineData("SELECT count(*) AS n FROM audit au WHERE au.detail = $detail", "audit", "SCAN au")]
    [InlineData("SELECT a.id FROM agency a JOIN client c ON c.address = a.name", "client", "USING AUTOMATIC COVERING INDEX")]
    public void A_statement_that_reads_a_large_table_whole_is_caught(string sql, string table, string line)
    {
        var scans = QueryPlan.FullScans(database.Connection, sql, ["mode", "id", "detail"], LargeTables);

        var scan = Assert.Single(scans);
        Assert.Equal(table, scan.Table);
        Assert.Contains(line, scan.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_that_seeks_its_index_passes()
    {
        Assert.Empty(QueryPlan.FullScans(database.Connection,
            "SELECT v.id FROM visit v WHERE v.client_id = $id AND v.status = 'Planned'", ["id"], LargeTables));
    }

    [Fact]
    public void An_alias_that_names_two_tables_is_refused_rather_than_guessed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QueryPlan.Sources(
            "WITH ranked AS (SELECT v.id FROM visit v) SELECT v.id FROM ranked v"));

        Assert.Contains("'v' names both visit and ranked", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A database file brought to the current schema by the store, and a connection to it.</summary>
public sealed class MigratedDatabase : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public MigratedDatabase()
    {
        var path = _directory.File("plans.db");
        using (var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = path }, TimeProvider.System))
        {
            store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        Connection = new SqliteConnection($"Data Source={path};Pooling=False");
        Connection.Open();
    }

    public SqliteConnection Connection { get; }

    public void Dispose()
    {
        Connection.Dispose();
        _directory.Dispose();
    }
}
