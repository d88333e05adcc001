using System.Net.Http.Headers;
using System.Text;
using Patchwork.Network;

namespace Patchwork.Api.Tests;

/// <summary>
/// GraphQL over HTTP as clients other than the web app speak it: content negotiation for legacy clients that accept
/// only <c>application/json</c>, automatic persisted queries and batches, which this server does not take.
/// </summary>
public sealed class ClientProtocolTests(ClientProtocolTests.UnlimitedApp fixture) : IClassFixture<ClientProtocolTests.UnlimitedApp>
{
    private Task<string> TokenAsync() => fixture.App.TokenForAsync(Demo.Tour.PractitionerEmail);

    [Fact]
    public async Task A_batch_of_requests_is_refused_saying_batching_is_not_supported()
    {
        var response = await PostRawAsync("[{\"query\": \"{ me { subject } }\"}, {\"query\": \"{ agencies { name } }\"}]",
            "application/json", await TokenAsync());

        response.FailsWith("BATCHED_REQUESTS_NOT_SUPPORTED", 400);
        Assert.Contains("not supported", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persisted_query_hash_without_its_document_is_told_persisted_queries_are_not_supported()
    {
        const string Extensions = "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}";
        using var client = Authorised(await TokenAsync());

        var posted = await PostRawAsync($"{{\"extensions\": {Extensions}}}", "application/json", await TokenAsync());
        var got = await GraphQLResponse.ReadAsync(await client.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(Extensions)));

        foreach (var response in new[] { posted, got })
        {
            // The code and the message are what Apollo Client's and urql's persisted-query links look for before resending
            // the operation with its document.
            response.FailsWith("PERSISTED_QUERY_NOT_SUPPORTED", 400);
            Assert.Equal("PersistedQueryNotSupported", response.Errors[0]!["message"]!.GetValue<string>());
        }
    }

    /// <summary>A document that does not parse, fails validation or a limit, and variables that cannot be coerced.</summary>
    public static TheoryData<string> RequestErrors => new()
    {
        "{\"query\": \"{ me { subject \"}",
        "{\"query\": \"{ noSuchField }\"}",
        "{\"query\": \"query($q: String!) { searchClients(query: $q) { id } }\", \"variables\": {\"q\": 42}}",
        $"{{\"query\": \"{{ {string.Join(" ", Enumerable.Range(0, 51).Select(i => $"a{i}: __typename"))} }}\"}}",
    };

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json;q=0.5, application/json")]
    public async Task A_legacy_client_accepting_only_json_gets_request_errors_with_200_in_application_json(string accept)
    {
        var token = await TokenAsync();
        foreach (var body in RequestErrors)
        {
            var response = await PostRawAsync(body, "application/json", token, accept);

            response.FailsWith("BAD_USER_INPUT", 200);
            Assert.Equal("application/json", response.ContentType);
            Assert.Null(response.Data);
        }
        var answered = await PostRawAsync("{\"query\": \"{ me { subject } }\"}", "application/json", token, accept);
        answered.Ok();
        Assert.Equal("application/json", answered.ContentType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9")]
    [InlineData("application/json, application/graphql-response+json")]
    [InlineData("text/html")]
    public async Task Any_other_accept_gets_graphql_response_json_and_400_for_request_errors(string? accept)
    {
        var token = await TokenAsync();
        foreach (var body in RequestErrors)
        {
            var response = await PostRawAsync(body, "application/json", token, accept);

            response.FailsWith("BAD_USER_INPUT", 400);
            Assert.Equal("application/graphql-response+json", response.ContentType);
        }
        var answered = await PostRawAsync("{\"query\": \"{ me { subject } }\"}", "application/json", token, accept);
        answered.Ok();
        Assert.Equal("application/graphql-response+json", answered.ContentType);
    }

    [Fact]
    public async Task A_legacy_client_still_gets_4xx_for_what_is_not_one_graphql_request()
    {
        var token = await TokenAsync();
        using var client = Authorised(token);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        (await PostRawAsync("{\"query\": ", "application/json", token, "application/json")).FailsWith("BAD_USER_INPUT", 400);
        (await PostRawAsync("[{\"query\": \"{ me { subject } }\"}]", "application/json", token, "application/json"))
            .FailsWith("BATCHED_REQUESTS_NOT_SUPPORTED", 400);
        (await PostRawAsync("{\"query\": \"{ me { subject } }\"}", "text/plain", token, "application/json")).FailsWith("BAD_REQUEST", 415);
        var mutation = "mutation { leaveTeam(clientId: \"x\") { id } }";
        (await GraphQLResponse.ReadAsync(await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation))))
            .FailsWith("METHOD_NOT_ALLOWED", 405);
    }

    private async Task<GraphQLResponse> PostRawAsync(string body, string contentType, string token, string? accept = null)
    {
        using var client = Authorised(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await GraphQLResponse.ReadAsync(await client.SendAsync(request));
    }

    private HttpClient Authorised(string token)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>One host for the class, without a rate limit: these tests send many requests as one user.</summary>
    public sealed class UnlimitedApp : IDisposable
    {
        public PatchworkApp App { get; } = new("Development", new() { ["RateLimit:PermitsPerMinute"] = "0" });

        public void Dispose() => App.Dispose();
    }
}
