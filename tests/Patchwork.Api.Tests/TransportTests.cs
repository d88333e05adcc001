using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Patchwork.Network;

namespace Patchwork.Api.Tests;

/// <summary>GraphQL over HTTP, sign-in and health, through the real host.</summary>
public sealed class TransportTests(PatchworkAppFixture fixture) : IClassFixture<PatchworkAppFixture>
{
    private readonly PatchworkApp _app = fixture.App;

    private Task<string> PractitionerToken() => _app.TokenForAsync(Demo.Tour.PractitionerEmail);

    [Fact]
    public async Task A_post_is_answered_in_graphql_response_json()
    {
        var response = await _app.GraphQLAsync(await PractitionerToken(), "{ me { subject roles standing } }");
        var data = response.Ok();
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("ACTIVE", data["me"]!["standing"]!.GetValue<string>());
        Assert.Equal("PRACTITIONER", data["me"]!["roles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_get_runs_a_query()
    {
        using var client = Authorised(await PractitionerToken());
        var response = await GraphQLResponse.ReadAsync(await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ agencies { name } }")));
        Assert.NotEmpty(response.Ok()["agencies"]!.AsArray());
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_and_changes_nothing()
    {
        using var client = Authorised(await PractitionerToken());
        var mutation = "mutation { updateMyContactDetails(input: { email: \"changed@example.org\", preferredContact: EMAIL }) { email } }";
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        var me = (await _app.GraphQLAsync(await PractitionerToken(), "{ me { practitioner { email } } }")).Ok();
        Assert.NotEqual("changed@example.org", me["me"]!["practitioner"]!["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"query\": ")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_graphql_request_is_400(string body)
    {
        var response = await PostRawAsync(body, "application/json", await PractitionerToken());
        response.FailsWith("BAD_USER_INPUT", 400);
    }

    [Theory]
    [InlineData("{ me { subject ")]
    [InlineData("{ noSuchField }")]
    [InlineData("{ searchClients(query: 42) { id } }")]
    [InlineData("{ searchClients(query: \"ab\") { address } }")]
    public async Task An_unparsable_or_invalid_document_is_400(string query)
    {
        var response = await _app.GraphQLAsync(await PractitionerToken(), query);
        response.FailsWith("BAD_USER_INPUT", 400);
    }

    [Theory]
    [InlineData("{\"q\": 42}")]
    [InlineData("{\"q\": \"Smith\", \"dob\": \"31/12/2001\"}")]
    [InlineData("{\"q\": \"Smith\", \"dob\": \"2001-02-30\"}")]
    [InlineData("{\"q\": \"Smith\", \"dob\": \"2001-02-03\", \"unknown\": 1}")]
    public async Task Variables_of_the_wrong_type_or_format_are_400(string variables)
    {
        var body = $"{{\"query\": \"query($q: String!, $dob: DateOnly) {{ searchClients(query: $q, dateOfBirth: $dob) {{ id }} }}\", \"variables\": {variables}}}";
        var response = await PostRawAsync(body, "application/json", await PractitionerToken());
        if (variables.Contains("unknown", StringComparison.Ordinal))
        {
            Assert.Equal(200, response.Status); // extra variables are ignored, as the spec allows
            return;
        }
        response.FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task A_document_seen_before_still_checks_its_variables_and_answers_for_them()
    {
        var token = await PractitionerToken();
        const string Query = "query($q: String!) { searchClients(query: $q) { displayName } }";
        var okafor = (await _app.GraphQLAsync(token, Query, new { q = "Okafor" })).Ok()["searchClients"]!.AsArray();
        Assert.NotEmpty(okafor);
        Assert.All(okafor, c => Assert.EndsWith(" Okafor", c!["displayName"]!.GetValue<string>()));

        (await _app.GraphQLAsync(token, Query, new { q = 42 })).FailsWith("BAD_USER_INPUT", 400);
        (await _app.GraphQLAsync(token, Query, new { })).FailsWith("BAD_USER_INPUT", 400);

        var smith = (await _app.GraphQLAsync(token, Query, new { q = "Smith" })).Ok()["searchClients"]!.AsArray();
        Assert.NotEmpty(smith);
        Assert.All(smith, c => Assert.Contains("Smith", c!["displayName"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_body_a_browser_form_could_send_is_refused(string contentType)
    {
        var response = await PostRawAsync("{\"query\": \"{ me { subject } }\"}", contentType, await PractitionerToken());
        Assert.Equal(415, response.Status);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var body = $"{{\"query\": \"{{ me {{ subject }} }}\", \"variables\": {{\"pad\": \"{new string('x', 70_000)}\"}}}}";
        var response = await PostRawAsync(body, "application/json", await PractitionerToken());
        Assert.Equal(413, response.Status);
    }

    [Fact]
    public async Task A_request_that_runs_out_of_time_is_503_with_retry_after_not_the_clients_fault()
    {
        using var app = new PatchworkApp("Development", new() { ["GraphQL:Timeout"] = "00:00:00.001" });
        var analyst = await app.TokenForAsync(Demo.EmailFor(app, "analyst"));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", analyst);

        using var response = await client.PostAsync("/graphql",
            new StringContent("{\"query\": \"{ familyNetworks { area } }\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("TIMEOUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        response.AssertKeptPrivate("a request out of time");
    }

    [Fact]
    public async Task In_development_a_misspelt_name_is_refused_with_a_suggestion()
    {
        var response = await _app.GraphQLAsync(await PractitionerToken(), "{ clent(id: \"x\") { id } }");
        response.FailsWith("BAD_USER_INPUT", 400);
        Assert.Contains(response.Errors, e => e!["message"]!.GetValue<string>().Contains("Did you mean 'client'?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_graphql_answer_is_kept_from_caches_and_from_type_sniffing()
    {
        using var client = Authorised(await PractitionerToken());
        using var anonymous = _app.CreateClient();
        static StringContent Body(string json, string type = "application/json") => new(json, Encoding.UTF8, type);
        static string Get(string query) => "/graphql?query=" + Uri.EscapeDataString(query);
        (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[] answers =
        [
            ("a query over GET", () => client.GetAsync(Get("{ me { practitioner { name email } } }")), HttpStatusCode.OK),
            ("a query over POST", () => client.PostAsync("/graphql", Body("{\"query\": \"{ me { practitioner { email } } }\"}")), HttpStatusCode.OK),
            ("a refused field", () => client.PostAsync("/graphql", Body("{\"query\": \"{ auditTrail { detail } }\"}")), HttpStatusCode.OK),
            ("an invalid document over GET", () => client.GetAsync(Get("{ noSuchField }")), HttpStatusCode.BadRequest),
            ("an invalid document over POST", () => client.PostAsync("/graphql", Body("{\"query\": \"{ noSuchField }\"}")), HttpStatusCode.BadRequest),
            ("a mutation over GET", () => client.GetAsync(Get("mutation { leaveTeam(clientId: \"x\") { id } }")), HttpStatusCode.MethodNotAllowed),
            ("a form body", () => client.PostAsync("/graphql", Body("query=x", "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType),
            ("an oversized body", () => client.PostAsync("/graphql", Body($"{{\"query\": \"{new string(' ', 70_000)}\"}}")), HttpStatusCode.RequestEntityTooLarge),
            ("no token", () => anonymous.PostAsync("/graphql", Body("{\"query\": \"{ me { subject } }\"}")), HttpStatusCode.Unauthorized),
            ("another method", () => client.PutAsync("/graphql", Body("{\"query\": \"{ me { subject } }\"}")), HttpStatusCode.MethodNotAllowed),
        ];

        foreach (var (what, send, status) in answers)
        {
            using var response = await send();
            Assert.Equal(status, response.StatusCode);
            response.AssertKeptPrivate(what);
        }
    }

    [Fact]
    public async Task No_token_is_401_unauthenticated()
    {
        var response = await _app.GraphQLAsync(null, "{ me { subject } }");
        response.FailsWith("UNAUTHENTICATED", 401);
    }

    [Fact]
    public async Task A_forged_or_expired_token_is_401()
    {
        var forged = Token(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))), DateTime.UtcNow.AddHours(1));
        (await _app.GraphQLAsync(forged, "{ me { subject } }")).FailsWith("UNAUTHENTICATED", 401);

        var realKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("patchwork-development-only-signing-key-not-for-production"));
        var expired = Token(realKey, DateTime.UtcNow.AddMinutes(-10));
        (await _app.GraphQLAsync(expired, "{ me { subject } }")).FailsWith("UNAUTHENTICATED", 401);

        var valid = Token(realKey, DateTime.UtcNow.AddMinutes(10));
        (await _app.GraphQLAsync(valid, "{ me { subject } }")).Ok(); // the same token, in date, is accepted

        (await _app.GraphQLAsync("not-a-token", "{ me { subject } }")).FailsWith("UNAUTHENTICATED", 401);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        using var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_lists_an_account_for_every_role()
    {
        using var client = _app.CreateClient();
        var users = await client.GetFromJsonAsync<List<DevUser>>("/dev/users");
        Assert.Equal(["admin", "analyst", "commissioner", "practitioner"], users!.Select(u => u.Role).Distinct().Order());
        Assert.All(users!.Where(u => u.Role == "practitioner"), u => Assert.NotNull(u.PractitionerId));
        // What the demo's sign-in shows for each: a name, a job and an agency, not only an email address.
        Assert.Contains(users!, u => u is { Name: "Hannah Reid", Job: "Social worker", Agency: "Eastmere County Council Children's Services" });
        Assert.All(users!, u => Assert.False(string.IsNullOrWhiteSpace(u.Name) || string.IsNullOrWhiteSpace(u.Job) || string.IsNullOrWhiteSpace(u.Agency)));
    }

    [Fact]
    public async Task Development_sign_in_refuses_an_unknown_account()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/dev/token", new { email = "nobody@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record DevUser(string Email, string Role, string? PractitionerId, string Name, string Job, string Agency);

    private static string Token(SecurityKey key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "patchwork-development",
        Audience = "patchwork-api",
        IssuedAt = expires.AddHours(-1),
        NotBefore = expires.AddHours(-1),
        Expires = expires,
        Subject = new ClaimsIdentity([new Claim("sub", "demo-analyst"), new Claim("roles", "analyst")]),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private HttpClient Authorised(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<GraphQLResponse> PostRawAsync(string body, string contentType, string token)
    {
        using var client = Authorised(token);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await GraphQLResponse.ReadAsync(await client.PostAsync("/graphql", content));
    }
}

/// <summary>One host shared by a class of tests that change nothing.</summary>
public sealed class PatchworkAppFixture : IDisposable
{
    public PatchworkApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
