using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Tests.Contract;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>What the Neo4j store sends to the client_names full-text index for what a user typed, and its settings' checks.</summary>
public sealed partial class FullTextQueryTests
{
    [Theory]
    [InlineData("smi", "+smi*")]
    [InlineData("alice smith", "+alice* +smith*")]
    [InlineData("ZOË", "+zoe*")]
    [InlineData("Zoe\u0308 smi", "+zoe* +smi*")]
    [InlineData("O’Bri", "+o'bri*")]
    [InlineData("liam o'b", "+liam* +o'b*")]
    [InlineData("smith OR jones", "+smith* +or* +jones*")]
    [InlineData("\"ben\" (smith)*", "+ben* +smith*")]
    [InlineData("smith-jones", "+smith* +jones*")]
    [InlineData("Strauß Łukasz Wałęsa Ørsted", "+strauss* +lukasz* +walesa* +orsted*")]
    public void Words_become_required_folded_prefix_terms(string typed, string query) =>
        Assert.Equal(query, FullTextQuery.From(typed));

    [Theory]
    [InlineData("")]
    [InlineData("  -- ' * ")]
    [InlineData("\u0308")]
    public void Text_without_a_word_searches_for_nothing(string typed) => Assert.Null(FullTextQuery.From(typed));

    [Fact]
    public void A_word_longer_than_any_name_searches_for_nothing()
    {
        Assert.NotNull(FullTextQuery.From("ann " + new string('x', FullTextQuery.MaxWordLength)));
        Assert.Null(FullTextQuery.From("ann " + new string('x', FullTextQuery.MaxWordLength + 1)));
    }

    [Theory]
    [MemberData(nameof(SearchInputs.HostileQueries), MemberType = typeof(SearchInputs))]
    public void Whatever_is_typed_only_plain_terms_reach_lucene(string typed)
    {
        var query = FullTextQuery.From(typed);

        if (query is not null)
        {
            Assert.Matches(SafeQuery(), query);
            Assert.True(query.Split(' ').Length <= FullTextQuery.MaxTerms);
        }
    }

    [Fact]
    public void Options_name_what_to_set()
    {
        var problems = Validate(new Neo4jOptions { Uri = "bolt://localhost:7687", Database = " ", Timeout = TimeSpan.Zero, MaxRetries = 99 });

        Assert.Equal(
        [
            "Set Neo4j:Uri to the server's HTTP address, e.g. http://localhost:7474 (the Query API, not bolt://).",
            "Set Neo4j:Database to the database name, e.g. neo4j.",
            "Set Neo4j:User and Neo4j:Password (or Neo4j:Token for a bearer token).",
            "Set Neo4j:Timeout between 00:00:01 and 00:10:00.",
            "Set Neo4j:MaxRetries between 0 and 20.",
        ], problems);
        Assert.Empty(Validate(new Neo4jOptions { Uri = "https://abc.databases.neo4j.io", User = "neo4j", Password = "p" }));
        Assert.Empty(Validate(new Neo4jOptions { Uri = "http://localhost:7474", Token = "t" }));
        var withPassword = Validate(new Neo4jOptions { Uri = "https://neo4j:hunter2@abc.databases.neo4j.io", User = "neo4j", Password = "p" });
        Assert.Equal(["Neo4j:Uri must not carry a user name or password; set Neo4j:User and Neo4j:Password instead."], withPassword);
        Assert.DoesNotContain(withPassword, m => m!.Contains("hunter2", StringComparison.Ordinal));
    }

    private static List<string?> Validate(Neo4jOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage)];

    // Lucene's syntax characters (+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /) appear only as the + and * we add.
    [GeneratedRegex(@"^(\+[\p{L}\p{N}']+\*)( \+[\p{L}\p{N}']+\*)*$")]
    private static partial Regex SafeQuery();
}
