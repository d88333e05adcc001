using System.Net;
using System.Text.Json.Nodes;
using Patchwork.Storage.Neo4j;
using Patchwork.Testing;

namespace Patchwork.Api.Tests;

/// <summary>
/// The API on a real Neo4j as production runs it: two instances on one server, and the server stopped and
/// started again under a running API.
/// </summary>
[Collection(Neo4jApi.Collection)]
public sealed class Neo4jApiTests
{
    private const string RegisterQuery = """
        mutation { registerClient(input: { givenName: "Wren", familyName: "Ashdown", dateOfBirth: "2012-09-14",
          address: "12 Weir Lane, Eastmere", postcode: "NR3 1QP", reason: "Referred by the school nurse" }) { id } }
        """;

    [Neo4jFact]
    public async Task A_write_through_one_instance_is_read_through_the_other_and_concurrent_changes_lose_nothing()
    {
        var options = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(options);
        using var first = Neo4jApi.App(options, seed: true);
        using var second = Neo4jApi.App(options, seed: false);
        var instances = new[] { first, second };

        var social = await first.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = (await first.GraphQLAsync(social, RegisterQuery)).Ok()["registerClient"]!["id"]!.GetValue<string>();
        // Read straight after the write, through the other instance: a single server has committed it before answering.
        Assert.Single(await TeamAsync(second, social, clientId));

        var colleagues = await ActiveColleaguesAsync(first);
        await Task.WhenAll(colleagues.Select((token, i) => JoinAndVisitAsync(instances[i % 2], token, clientId, i)));

        var team = await TeamAsync(first, social, clientId);
        Assert.Equal(colleagues.Count + 1, team.Count);
        Assert.Equal(team.Count, team.Distinct().Count());
        var visits = (await second.GraphQLAsync(social, "query($id: ID!) { client(id: $id) { upcomingVisits(first: 50) { id } } }",
            new { id = clientId })).Ok()["client"]!["upcomingVisits"]!.AsArray();
        Assert.Equal(colleagues.Count, visits.Count);

        // One trail, in one order, whichever instance is asked: each join written once.
        var admin = await first.TokenForAsync(Demo.EmailFor(first, "admin"));
        var trails = await Task.WhenAll(instances.Select(app => TrailAsync(app, admin, clientId)));
        Assert.Equal(trails[0], trails[1]);
        Assert.Single(trails[0], e => e.Action == "REGISTER_CLIENT");
        Assert.Equal(colleagues.Count, trails[0].Count(e => e.Action == "JOIN_TEAM"));
        Assert.Equal(colleagues.Count, trails[0].Count(e => e.Action == "SCHEDULE_VISIT"));
        Assert.Equal(trails[0].OrderByDescending(e => e.At), trails[0]);
    }

    [LocalNeo4jFact]
    public async Task Neo4j_stopped_under_the_api_fails_readiness_and_requests_cleanly_and_the_api_recovers_when_it_is_back()
    {
        await using var server = await LocalNeo4jServer.StartAsync();
        using var app = Neo4jApi.App(server.Options, seed: false, ("Neo4j:MaxRetries", "1"));
        using var http = app.CreateClient();
        var admin = await app.TokenForAsync(Demo.EmailFor(app, "admin"));
        Assert.Empty(await AgenciesAsync(app, admin));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await server.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        foreach (var failed in new[] { await app.GraphQLAsync(admin, "{ agencies { id } }"), await OnboardAsync(app, admin) })
        {
            var error = Assert.Single(failed.Errors)!;
            Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Contains("request id", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", failed.Body.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", failed.Body.ToJsonString(), StringComparison.Ordinal);
        }

        await server.RestartAsync();

        await ReadyAgainAsync(http);
        // The refused onboarding wrote nothing; made again, it is there once.
        Assert.Empty(await AgenciesAsync(app, admin));
        (await OnboardAsync(app, admin)).Ok();
        Assert.Single(await AgenciesAsync(app, admin));
    }

    private static async Task<JsonArray> AgenciesAsync(PatchworkApp app, string admin) =>
        (await app.GraphQLAsync(admin, "{ agencies { id } }")).Ok()["agencies"]!.AsArray();

    private static Task<GraphQLResponse> OnboardAsync(PatchworkApp app, string admin) =>
        app.GraphQLAsync(admin, """
            mutation { onboardAgency(input: { name: "Eastmere Young Carers", kind: VOLUNTARY, dutyPhone: "01603 555010",
              dutyEmail: "duty@youngcarers.example", agreement: { status: ACTIVE, signedOn: "2026-01-05" } }) { id } }
            """);

    private static async Task<List<string>> TeamAsync(PatchworkApp app, string token, string clientId) =>
        [.. (await app.GraphQLAsync(token, "query($id: ID!) { client(id: $id) { team { practitioner { id } } } }", new { id = clientId }))
            .Ok()["client"]!["team"]!.AsArray().Select(m => m!["practitioner"]!["id"]!.GetValue<string>())];

    /// <summary>Every other demo practitioner who may work with clients now, signed in.</summary>
    private static async Task<List<string>> ActiveColleaguesAsync(PatchworkApp app)
    {
        var tokens = new List<string>();
        foreach (var account in Demo.Accounts(app).Where(a => a.PractitionerId is not null && a.Email != Demo.Tour.PractitionerEmail))
        {
            var token = await app.TokenForAsync(account.Email);
            var me = (await app.GraphQLAsync(token, "{ me { standing practitioner { agency { restrictedService } } } }")).Ok()["me"]!;
            // A restricted service's worker shows to the others only as a notice, not by name: left out of the count.
            if (me["standing"]!.GetValue<string>() == "ACTIVE" && !me["practitioner"]!["agency"]!["restrictedService"]!.GetValue<bool>())
            {
                tokens.Add(token);
            }
        }
        Assert.True(tokens.Count >= 3, "The demo district has colleagues to race each other.");
        return tokens;
    }

    private static async Task JoinAndVisitAsync(PatchworkApp app, string token, string clientId, int i)
    {
        (await app.GraphQLAsync(token, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Working with the family from today\") { id } }",
            new { id = clientId })).Ok();
        (await app.GraphQLAsync(token, "mutation($id: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $id, scheduledFor: $at, mode: HOME_VISIT }) { id } }",
            new { id = clientId, at = DateTimeOffset.UtcNow.AddDays(2).AddHours(i) })).Ok();
    }

    private static async Task<List<(string Action, DateTimeOffset At, string Subject)>> TrailAsync(PatchworkApp app, string admin, string clientId) =>
        [.. (await app.GraphQLAsync(admin, "query($id: ID!) { auditTrail(clientId: $id, first: 500) { at subject action } }", new { id = clientId }))
            .Ok()["auditTrail"]!.AsArray()
            .Select(e => (e!["action"]!.GetValue<string>(), e["at"]!.GetValue<DateTimeOffset>(), e["subject"]!.GetValue<string>()))];

    private static async Task ReadyAgainAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail("The API did not become ready within a minute of Neo4j coming back.");
    }
}

/// <summary>The API hosts of the Neo4j tests, and their collection: one at a time, on the run's server.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class Neo4jApi : ICollectionFixture<Neo4jRun>
{
    public const string Collection = "Neo4j server";

    public static PatchworkApp App(Neo4jOptions server, bool seed, params (string Key, string Value)[] settings) =>
        new("Development", Settings(server, seed, settings));

    /// <summary>The host settings of an API on the server, for a test that builds its own host.</summary>
    public static Dictionary<string, string> Settings(Neo4jOptions server, bool seed, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "neo4j",
            ["Neo4j:Uri"] = server.Uri!,
            ["Neo4j:User"] = server.User!,
            ["Neo4j:Password"] = server.Password!,
            ["Neo4j:Database"] = server.Database,
            ["Demo:Seed"] = seed ? "true" : "false",
            ["RateLimit:PermitsPerMinute"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return all;
    }
}
