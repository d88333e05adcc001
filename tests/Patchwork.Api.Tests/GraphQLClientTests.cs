using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchwork.Api.Tests.GraphQLClients;
using Patchwork.Network;
using Xunit.Abstractions;

namespace Patchwork.Api.Tests;

/// <summary>
/// Standard clients against the built API running as a server: graphql-http's GraphQL-over-HTTP audit suite, and Apollo
/// Client's HttpLink, plain and through its automatic-persisted-query link.
/// </summary>
public sealed class GraphQLClientTests(GraphQLClientTests.Server server, ITestOutputHelper output) : IClassFixture<GraphQLClientTests.Server>
{
    /// <summary>
    /// The audits that expect <c>application/json</c> for <c>Accept: */*</c> and for no <c>Accept</c>: graphql-http
    /// 1.23 follows an older draft; the current spec prefers <c>application/graphql-response+json</c>, which this server
    /// answers (docs/graphql-clients.md).
    /// </summary>
    private static readonly string[] OlderDraftAudits = ["47DE", "80D8"];

    [Fact]
    public async Task The_graphql_http_audits_pass_but_for_the_two_that_follow_an_older_draft()
    {
        var audit = JsonNode.Parse(await ClientScripts.RunAsync("audit.mjs", await server.ClientEnvironmentAsync()))!;
        var results = audit["results"]!.AsArray().Select(r => r!).ToList();
        output.WriteLine($"graphql-http audits: {audit["ok"]} ok, {audit["warn"]} warn, {audit["error"]} error");
        foreach (var result in results.Where(r => r["status"]!.GetValue<string>() != "ok"))
        {
            output.WriteLine($"{result["status"]} {result["id"]} {result["name"]}: {result["reason"]}");
        }

        Assert.Empty(results.Where(r => r["status"]!.GetValue<string>() == "error").Select(r => $"{r["id"]} {r["name"]}: {r["reason"]}"));
        Assert.Equal(OlderDraftAudits, results.Where(r => r["status"]!.GetValue<string>() == "warn").Select(r => r["id"]!.GetValue<string>()).Order());
        Assert.True(results.Count > 50, $"Only {results.Count} audits ran.");
    }

    [Fact]
    public async Task Apollo_client_gets_answers_falls_back_from_persisted_queries_and_reads_refusals()
    {
        var environment = await server.ClientEnvironmentAsync();
        environment["PATCHWORK_QUERY"] = "query Me { me { subject standing } }";
        environment["PATCHWORK_INVALID_QUERY"] = "query Unknown { me { noSuchField } }";

        var outcome = JsonNode.Parse(await ClientScripts.RunAsync("apollo.mjs", environment))!;

        foreach (var answered in new[] { outcome["plain"]!, outcome["persisted"]! })
        {
            Assert.Null(answered["error"]);
            Assert.Equal("ACTIVE", answered["data"]!["me"]!["standing"]!.GetValue<string>());
        }
        // First the hash alone; told persisted queries are not supported, the link sends the document.
        var sent = outcome["persisted"]!["sent"]!.AsArray();
        Assert.Equal([(false, true), (true, false)],
            sent.Select(s => (s!["withQuery"]!.GetValue<bool>(), s["persistedQuery"]!.GetValue<bool>())));
        Assert.Contains("noSuchField", outcome["invalid"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The API as its own process, as the README runs it: Development, the demo district, no rate limit.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "patchwork-api-tests", Guid.NewGuid().ToString("N"));
        private RunningApi? _api;

        private RunningApi Api => _api ?? throw new InvalidOperationException("The API is not running.");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_directory);
            _api = await ApiProcess.StartServerAsync(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__Sqlite__Path"] = Path.Combine(_directory, "patchwork.db"),
                ["Demo__Seed"] = "true",
                ["RateLimit__PermitsPerMinute"] = "0",
            });
        }

        /// <summary>Where a client script finds the API, and a practitioner's token from the development sign-in.</summary>
        public async Task<Dictionary<string, string>> ClientEnvironmentAsync()
        {
            using var http = Api.CreateClient();
            var response = await http.PostAsJsonAsync("/dev/token", new { email = Demo.Tour.PractitionerEmail });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
            return new() { ["PATCHWORK_URL"] = Api.GraphQL.ToString(), ["PATCHWORK_TOKEN"] = token };
        }

        public async Task DisposeAsync()
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
