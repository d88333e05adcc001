using Patchwork.Auditing;
using Patchwork.Ports;

namespace Patchwork.Api.Tests;

/// <summary>Search finds a client; it cannot be used to copy the register, however the requests are shaped.</summary>
public sealed class SearchBudgetTests
{
    private static readonly Dictionary<string, string> NoRequestLimit = new() { ["RateLimit:PermitsPerMinute"] = "0" };

    [Fact]
    public async Task Harvesting_the_register_with_many_short_searches_is_stopped_by_the_hourly_budget()
    {
        using var app = new PatchworkApp("Development", NoRequestLimit);
        var token = await app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var register = (await app.Store.Export.CountAsync(default)).Clients;

        var harvested = new HashSet<string>();
        var refusedAfter = 0;
        foreach (var prefix in Prefixes())
        {
            var answer = await app.GraphQLAsync(token, "query($q: String!) { searchClients(query: $q, first: 50) { id } }", new { q = prefix });
            if (answer.Errors.Count > 0)
            {
                answer.FailsWith("RATE_LIMITED");
                break;
            }
            refusedAfter++;
            harvested.UnionWith(answer.Data!["searchClients"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        }

        // Stopped within the hour's searches, with at most the hour's matches (plus the one search that crossed it).
        Assert.InRange(refusedAfter, 1, 30);
        Assert.True(harvested.Count <= 200 + 50, $"{harvested.Count} clients harvested");
        Assert.True(harvested.Count < register / 2, $"{harvested.Count} of {register} clients harvested");
        var alerts = await app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.SearchLimitReached), default);
        Assert.Equal(Demo.Tour.PractitionerSubject, Assert.Single(alerts).Subject);
    }

    [Fact]
    public async Task Aliased_searches_in_one_request_run_only_the_first_and_are_audited_once()
    {
        using var app = new PatchworkApp("Development", NoRequestLimit);
        var token = await app.TokenForAsync(Demo.Tour.PractitionerEmail);

        var answer = await app.GraphQLAsync(token, """
            { a: searchClients(query: "grace") { id } b: searchClients(query: "okafor") { id } c: searchClients(query: "smith") { id } }
            """);

        Assert.Contains(answer.Errors, e => e!["message"]!.GetValue<string>().StartsWith("One search per request", StringComparison.Ordinal));
        Assert.All(answer.Codes, c => Assert.Equal("BAD_USER_INPUT", c));
        var searches = await app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.Search), default);
        Assert.Single(searches);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a b")]
    [InlineData("é-'")]
    public async Task A_search_of_fewer_than_three_letters_is_refused(string query)
    {
        using var app = new PatchworkApp("Development", NoRequestLimit);
        var token = await app.TokenForAsync(Demo.Tour.PractitionerEmail);

        var answer = await app.GraphQLAsync(token, "query($q: String!) { searchClients(query: $q) { id } }", new { q = query });

        answer.FailsWith("BAD_USER_INPUT");
    }

    [Fact]
    public async Task The_search_entry_names_every_client_it_showed()
    {
        using var app = new PatchworkApp("Development", NoRequestLimit);
        var token = await app.TokenForAsync(Demo.Tour.PractitionerEmail);

        var shown = (await app.GraphQLAsync(token, "query($q: String!) { searchClients(query: $q) { id } }", new { q = Demo.Tour.SearchText }))
            .Ok()["searchClients"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();

        var entry = Assert.Single(await app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.Search), default));
        Assert.NotEmpty(shown);
        Assert.All(shown, id => Assert.Contains(id, entry.Detail, StringComparison.Ordinal));
    }

    /// <summary>Three-letter beginnings of common names, as a harvester would try them.</summary>
    private static IEnumerable<string> Prefixes() =>
        from first in "abcdefghijklmnoprstw"
        from second in "aeiou"
        from third in "nrlst"
        select $"{first}{second}{third}";
}
