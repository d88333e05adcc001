using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Patchwork.Resilience.Tests.Fuzz;
using Xunit.Abstractions;

namespace Patchwork.Resilience.Tests;

/// <summary>One running API for the single hostile requests below, signed in as the walk-through practitioner.</summary>
public sealed class RunningApi : IAsyncLifetime
{
    public ApiServer Server { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        Http = Server.CreateClient();
        Token = await ApiServer.TokenForAsync(Http, FuzzSetup.WalkThroughPractitioner);
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        Server.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Single hostile requests, each pinned to the promise it tests: bad input is a 4xx with a contract code, never a
/// 5xx and never an internal error.
/// </summary>
public sealed class HostileInputTests(RunningApi api) : IClassFixture<RunningApi>
{
    [Theory]
    [InlineData("{\"email\": 5}")]
    [InlineData("{\"email\": [\"a\"]}")]
    [InlineData("[]")]
    [InlineData("{")]
    public async Task A_token_request_that_is_not_an_object_with_a_string_email_is_a_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await api.Http.PostAsync("/dev/token", content);
        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF")]
    public async Task A_body_with_broken_chunked_framing_is_a_400(string chunkSize)
    {
        const string Body = "{\"query\": \"{ me { subject } }\"}";
        var raw = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.Token + "\r\n" +
            "Content-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkSize + "\r\n" + Body + "\r\n0\r\n\r\n";
        var outcome = await HostileSender.SendAsync(api.Http,
            new HostileRequest { Category = "malformed-http", Summary = "chunk size " + chunkSize, Raw = Encoding.ASCII.GetBytes(raw) });
        Assert.Equal(400, outcome.Status);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task A_document_nested_past_the_parser_limit_is_bad_user_input(string method) =>
        await AssertBadUserInputAsync(method, "{ searchClients(query: " + new string('[', 200) + "\"x\"" + new string(']', 200) + ") { id } }");

    /// <summary>A lone carriage return is a line break in GraphQL; a syntax error after one must still be a syntax error.</summary>
    [Theory]
    [InlineData("POST", "\r}")]
    [InlineData("GET", "\r}")]
    [InlineData("POST", "{ me \r { subject } } }")]
    public async Task A_syntax_error_after_a_lone_carriage_return_is_bad_user_input(string method, string query) =>
        await AssertBadUserInputAsync(method, query);

    private async Task AssertBadUserInputAsync(string method, string query)
    {
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query))
            : new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        using var response = await api.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

/// <summary>
/// A document within the 64 KiB body limit must be refused or answered, never left to run the server out. These are
/// built to make validation cost far more than their size: a fresh server for each, so one left busy cannot slow the
/// next. How long each takes is printed, not asserted: speed is measured in bench/, on a quiet machine.
/// </summary>
public sealed class ExpensiveDocumentTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Only so that a validation that never ends fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ApiServer _server = new();

    [Theory]
    [InlineData("fragments doubling 24 times")]
    [InlineData("a chain of 1,900 fragments")]
    [InlineData("a cycle of 1,900 fragments")]
    [InlineData("one field repeated 5,000 times")]
    public async Task A_document_built_to_be_expensive_to_validate_is_answered_without_a_server_error(string shape)
    {
        var query = shape switch
        {
            "fragments doubling 24 times" => "{ ...f0 }" + string.Concat(Enumerable.Range(0, 24).Select(i => $" fragment f{i} on Query {{ ...f{i + 1} ...f{i + 1} }}"))
                + " fragment f24 on Query { me { subject } }",
            "a chain of 1,900 fragments" => "{...f0}" + string.Concat(Enumerable.Range(0, 1_900).Select(i => $"fragment f{i} on Query{{...f{i + 1}}}"))
                + "fragment f1900 on Query{me{subject}}",
            "a cycle of 1,900 fragments" => "{...f0}" + string.Concat(Enumerable.Range(0, 1_900).Select(i => $"fragment f{i} on Query{{...f{(i + 1) % 1_900}}}")),
            _ => "{" + string.Concat(Enumerable.Repeat("me{subject} ", 5_000)) + "}",
        };
        await _server.StartAsync();
        using var http = _server.CreateClient(Patience);
        var token = await ApiServer.TokenForAsync(http, FuzzSetup.WalkThroughPractitioner);
        var body = new JsonObject { ["query"] = query }.ToJsonString();
        output.WriteLine($"{shape}: a {Encoding.UTF8.GetByteCount(body)}-byte request.");

        var clock = Stopwatch.StartNew();
        GraphQLAnswer? answer = null;
        try
        {
            answer = await GraphQLCall.SendAsync(http, token, query);
        }
        catch (TaskCanceledException)
        {
            // Not answered within the patience given.
        }
        output.WriteLine(answer is null
            ? $"No answer within {Patience.TotalSeconds} s; the server is still busy with it."
            : $"Answered {answer.Status} in {clock.ElapsedMilliseconds} ms: {answer.Body.ToJsonString()[..Math.Min(200, answer.Body.ToJsonString().Length)]}");
        Assert.NotNull(answer);
        Assert.True(answer.Status < 500, $"Answered {answer.Status}.");
    }

    public void Dispose() => _server.Dispose();
}
