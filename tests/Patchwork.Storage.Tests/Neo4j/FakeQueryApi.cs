using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Patchwork.Storage.Neo4j.Cypher;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers as Neo4j's Query API documents it, from a script: each request is
/// recorded (method, path, headers, body, and which store statement it carried) and answered by the script.
/// </summary>
public sealed class FakeQueryApi : IAsyncDisposable
{
    private static readonly Dictionary<string, string> StatementNames =
        Statements.All.ToDictionary(s => CypherCatalogue.Load().TextOf(s), s => s.Name);

    private readonly WebApplication _app;
    private readonly Func<SeenRequest, Reply> _script;
    private readonly List<SeenRequest> _requests = [];
    private readonly Lock _lock = new();

    private FakeQueryApi(Func<SeenRequest, Reply> script)
    {
        _script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public string Uri => _app.Urls.First();

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeQueryApi> StartAsync(Func<SeenRequest, Reply> script)
    {
        var server = new FakeQueryApi(script);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var statement = body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("statement", out var s) ? s.GetString() : null;
        var seen = new SeenRequest(context.Request.Method, context.Request.Path.Value!,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body, statement is null ? null : StatementNames.GetValueOrDefault(statement, statement));
        int index;
        lock (_lock)
        {
            _requests.Add(seen);
            index = _requests.Count;
        }
        var reply = _script(seen with { Index = index });
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting: there is nobody to answer
            }
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/vnd.neo4j.query";
        await context.Response.WriteAsync(reply.Body);
    }
}

/// <summary>One request as the server saw it; <see cref="Statement"/> is the store statement's name when it carried one.</summary>
public sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, string? Statement)
{
    public int Index { get; init; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public IReadOnlyList<string> ParameterNames =>
        [.. Json.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>The documented response shapes, in typed JSON.</summary>
public static class QueryApi
{
    public static Reply Result(string[] fields, IEnumerable<string[]> rows, params string[] bookmarks)
    {
        var names = string.Join(",", fields.Select(Quoted));
        var values = string.Join(",", rows.Select(r => "[" + string.Join(",", r) + "]"));
        var marks = string.Join(",", bookmarks.Select(Quoted));
        return new(202, "{\"data\":{\"fields\":[" + names + "],\"values\":[" + values + "]},\"bookmarks\":[" + marks + "]}");
    }

    public static Reply Empty(params string[] bookmarks) => Result([], [], bookmarks);

    public static Reply OneValue(string field, string value) => Result([field], [[value]], "FB:read");

    public static Reply Begun(string id, string affinity) => new(202,
        "{\"data\":{\"fields\":[],\"values\":[]},\"transaction\":{\"id\":\"" + id + "\",\"expires\":\"2026-11-22T15:30:00Z\"}}",
        new Dictionary<string, string> { ["neo4j-cluster-affinity"] = affinity });

    public static Reply Error(int status, string code, string message) => new(status,
        $$"""{"errors":[{"code":"{{code}}","message":"{{message}}"}]}""");

    public static string Str(string? value) => value is null ? Null : $$"""{"$type":"String","_value":{{Quoted(value)}}}""";

    public static string Whole(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";

    public static string Bool(bool value) => $$"""{"$type":"Boolean","_value":{{(value ? "true" : "false")}}}""";

    public static string Null => """{"$type":"Null","_value":null}""";

    public static string Date(string iso) => $$"""{"$type":"Date","_value":"{{iso}}"}""";

    public static string Time(string iso) => $$"""{"$type":"OffsetDateTime","_value":"{{iso}}"}""";

    public static string List(params string[] items) => $$"""{"$type":"List","_value":[{{string.Join(",", items)}}]}""";

    public static string Map(params (string Key, string Value)[] entries) =>
        "{\"$type\":\"Map\",\"_value\":{" + string.Join(",", entries.Select(e => $"{Quoted(e.Key)}:{e.Value}")) + "}}";

    public static string Quoted(string text) => JsonSerializer.Serialize(text);
}
