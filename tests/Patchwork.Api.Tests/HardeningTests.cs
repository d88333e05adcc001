using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Patchwork.Api.Tests;

/// <summary>Requests built to cost the server too much are refused before they run.</summary>
public sealed class HardeningTests(PatchworkAppFixture fixture) : IClassFixture<PatchworkAppFixture>
{
    private readonly PatchworkApp _app = fixture.App;

    [Fact]
    public async Task A_query_nested_too_deeply_is_refused()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var deep = "{ myClients { family { members { family { members { family { members { family { members { family { members { id } } } } } } } } } } } }";
        (await _app.GraphQLAsync(token, deep)).FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task An_alias_bomb_is_refused()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var aliases = string.Join(" ", Enumerable.Range(0, 300).Select(i => $"a{i}: myClients {{ team {{ practitioner {{ name }} }} }}"));
        (await _app.GraphQLAsync(token, "{ " + aliases + " }")).FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task Too_many_aliases_even_of_cheap_fields_are_refused()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var within = string.Join(" ", Enumerable.Range(0, 50).Select(i => $"a{i}: me {{ subject }}"));
        (await _app.GraphQLAsync(token, "{ " + within + " }")).Ok();
        var beyond = string.Join(" ", Enumerable.Range(0, 51).Select(i => $"a{i}: me {{ subject }}"));
        var refused = await _app.GraphQLAsync(token, "{ " + beyond + " }");
        refused.FailsWith("BAD_USER_INPUT", 400);
        Assert.Contains("aliases", refused.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_with_too_many_operations_is_refused()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var operations = string.Join(" ", Enumerable.Range(0, 11).Select(i => $"query Q{i} {{ me {{ subject }} }}"));
        var refused = await _app.GraphQLAsync(token, operations);
        refused.FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task An_ordinary_family_view_is_well_within_the_limits()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var query = "{ myClients { family { members { displayName } team { practitioner { name mobile agency { name } } supports { displayName } nextVisitAt } upcomingVisits { scheduledFor } } } }";
        (await _app.GraphQLAsync(token, query)).Ok();
    }

    [Fact]
    public async Task A_page_larger_than_allowed_is_bad_input()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"smith\", first: 1000) { id } }")).FailsWith("BAD_USER_INPUT");
        (await _app.GraphQLAsync(token, "{ myClients { upcomingVisits(first: 0) { id } } }")).FailsWith("BAD_USER_INPUT");
        (await _app.GraphQLAsync(token, "{ myClients(first: 501) { id } }")).FailsWith("BAD_USER_INPUT");
        Assert.Single((await _app.GraphQLAsync(token, "{ myClients(first: 1) { id } }")).Ok()["myClients"]!.AsArray());
    }
}

/// <summary>Outside Development the schema cannot be introspected, and each user has a request budget.</summary>
public sealed class ProductionLimitsTests : IDisposable
{
    private readonly PatchworkApp _app = new("Development", new()
    {
        ["GraphQL:Introspection"] = "false",
        ["RateLimit:PermitsPerMinute"] = "60",
        ["RateLimit:Burst"] = "5",
    });

    [Fact]
    public async Task Introspection_is_refused_when_turned_off()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        (await _app.GraphQLAsync(token, "{ __schema { types { name } } }")).FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task A_misspelt_name_gets_no_suggestion_when_introspection_is_off()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var response = await _app.GraphQLAsync(token, "{ clent(id: \"x\") { id } }");
        response.FailsWith("BAD_USER_INPUT", 400);
        Assert.DoesNotContain("Did you mean", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_from_one_user_get_429_with_retry_after()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 20 && limited is null; i++)
        {
            using var content = new StringContent("{\"query\": \"{ me { subject } }\"}", Encoding.UTF8, "application/json");
            var response = await client.PostAsync("/graphql", content);
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }
        Assert.NotNull(limited);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        limited.AssertKeptPrivate("a refusal for too many requests");

        // Another user's budget is their own.
        var other = await _app.TokenForAsync(Demo.EmailFor(_app, "analyst"));
        (await _app.GraphQLAsync(other, "{ me { subject } }")).Ok();
    }

    public void Dispose() => _app.Dispose();
}
