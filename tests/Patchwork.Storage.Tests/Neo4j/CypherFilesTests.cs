using System.Text.Json;
using System.Text.RegularExpressions;
using Patchwork.Storage.Neo4j.Cypher;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The Cypher files and the adapter agree, without a server: every declared statement has its file, built into
/// the adapter unchanged; the parameters each file uses are exactly those its call site passes (the declaration,
/// which <see cref="CypherCatalogue.Call"/> enforces on every call) and those the linter's schema lets it use.
/// </summary>
public sealed partial class CypherFilesTests
{
    private static readonly string CypherRoot = Path.Combine(RepositoryRoot(), "cypher");

    public static TheoryData<string> StatementNames => [.. Statements.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_file_uses_exactly_the_parameters_its_call_site_passes(string name)
    {
        var statement = Statements.All.Single(s => s.Name == name);

        var used = ParametersIn(File.ReadAllText(FileOf(name)));

        Assert.Equal(statement.Parameters.Order(StringComparer.Ordinal), used);
    }

    [Fact]
    public void The_linter_s_schema_declares_the_same_parameters_for_every_file()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(CypherRoot, "lint", "schema.json")));
        var declared = schema.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(",", p.Value.EnumerateArray().Select(v => v.GetString()).Order(StringComparer.Ordinal)));

        var expected = Statements.All.ToDictionary(s => s.Name, s => string.Join(",", s.Parameters.Order(StringComparer.Ordinal)));

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), declared.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_statement_file_is_declared_and_every_declaration_has_a_file()
    {
        var files = Directory.EnumerateFiles(CypherRoot, "*.cypher", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CypherRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("schema/", StringComparison.Ordinal) && !f.StartsWith("lint/", StringComparison.Ordinal))
            .Select(f => f[..^".cypher".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(Statements.All.Select(s => s.Name).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void The_adapter_is_built_with_every_file_as_it_is_in_the_repository()
    {
        var catalogue = CypherCatalogue.Load();

        Assert.All(Statements.All, s => Assert.Equal(File.ReadAllText(FileOf(s.Name)), catalogue.TextOf(s)));
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(CypherRoot, "schema"), "*.cypher").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            SchemaMigrations.Embedded.Select(m => m.Name));
    }

    [Fact]
    public void A_missing_file_stops_start_up_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CypherCatalogue.Load([Statements.InsertInvolvement, new Statement("team/not_written_yet", "id")]));

        Assert.Contains("cypher/team/not_written_yet.cypher", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("insert_involvement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_with_other_parameters_than_declared_is_refused_before_anything_is_sent()
    {
        var catalogue = CypherCatalogue.Load();

        var missing = Assert.Throws<InvalidOperationException>(() => catalogue.Call(Statements.VisitById));
        var extra = Assert.Throws<InvalidOperationException>(() => catalogue.Call(Statements.VisitById, ("id", "v1"), ("status", "x")));

        Assert.Contains("visits/visit_by_id.cypher takes (id)", missing.Message, StringComparison.Ordinal);
        Assert.Contains("called with (id, status)", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_migrations_are_numbered_in_order_and_every_statement_is_idempotent()
    {
        var migrations = SchemaMigrations.Embedded;

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations.SelectMany(m => m.Statements), s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
    }

    /// <summary>The $parameters a statement uses, outside comments and string literals, each once, in order.</summary>
    private static List<string> ParametersIn(string cypher)
    {
        var code = StringOrComment().Replace(cypher, " ");
        return [.. Parameter().Matches(code).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
    }

    private static string FileOf(string name) => Path.Combine(CypherRoot, $"{name}.cypher");

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

    [GeneratedRegex(@"//[^\n]*|'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
