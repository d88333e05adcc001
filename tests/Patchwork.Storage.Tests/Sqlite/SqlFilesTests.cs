using System.Text.RegularExpressions;
using Patchwork.Storage.Sqlite.Sql;

namespace Patchwork.Storage.Tests.Sqlite;

/// <summary>
/// The SQL files and the embedded store agree, without a database: every declared statement has its file, built into
/// the store unchanged, and the parameters each file uses are exactly those its declaration names.
/// </summary>
public sealed partial class SqlFilesTests
{
    public static TheoryData<string> StatementNames => [.. Statements.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_file_uses_exactly_the_parameters_its_declaration_names(string name)
    {
        var statement = Statements.All.Single(s => s.Name == name);

        var used = ParametersIn(File.ReadAllText(SqlFiles.PathOf(name)));

        Assert.Equal(statement.Parameters.Order(StringComparer.Ordinal), used);
    }

    [Fact]
    public void Every_statement_file_is_declared_and_every_declaration_has_a_file()
    {
        var files = Directory.EnumerateFiles(SqlFiles.Root, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SqlFiles.Root, f).Replace('\\', '/'))
            .Select(f => f[..^".sql".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(Statements.All.Select(s => s.Name).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void The_store_is_built_with_every_file_as_it_is_in_the_repository()
    {
        var catalogue = SqlCatalogue.Load();

        Assert.All(Statements.All, s => Assert.Equal(File.ReadAllText(SqlFiles.PathOf(s.Name)), catalogue.TextOf(s)));
    }

    [Fact]
    public void A_missing_file_stops_start_up_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqlCatalogue.Load([Statements.InsertInvolvement, new Statement("team/not_written_yet", "id")]));

        Assert.Contains("sql/team/not_written_yet.sql", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("insert_involvement", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The $parameters a statement uses, outside comments and string literals, each once, in order.</summary>
    private static List<string> ParametersIn(string sql)
    {
        var code = StringOrComment().Replace(sql, " ");
        return [.. Parameter().Matches(code).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"--[^\n]*|'(?:[^']|'')*'")]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
