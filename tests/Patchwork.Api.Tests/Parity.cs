using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Storage.Neo4j;

namespace Patchwork.Api.Tests;

/// <summary>
/// One request of a parity run: the name a mismatch is reported by, the demo account (by its sign-in subject) that
/// sends it, the operation and its variables, and the error code the answer must be refused with (none: it must
/// succeed). The expectation keeps the run honest: two stores that both fail the same way would otherwise agree.
/// </summary>
public sealed record ParityRequest(string Name, string As, string Query, object? Variables = null, string? Refused = null)
{
    /// <summary>
    /// An id the store minted in this answer (at a path of <c>data</c>: names and list positions, dot-separated)
    /// and the name it is known by from then on, in later variables as <c>⟨name⟩</c>.
    /// </summary>
    public (string Path, string Name)? Mints { get; init; }
}

/// <summary>The one clock both hosts read: every "now" on either side is the same moment.</summary>
public sealed class ParityClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Two API hosts, one on SQLite and one on the run's Neo4j, on one clock and loaded with one network. Each request
/// goes to SQLite and then to Neo4j, so writes reach both in the same order; their JSON answers are compared after
/// replacing only what each instance makes up for itself (<see cref="ParityNormaliser"/>).
/// </summary>
public sealed class ParityHosts : IAsyncDisposable
{
    private readonly ParitySide[] _sides;
    private readonly ParityNormaliser _normaliser = new();
    private readonly Dictionary<string, JsonNode?> _answers = new(StringComparer.Ordinal);

    private ParityHosts(ParitySide[] sides) => _sides = sides;

    public PatchworkApp Sqlite => _sides[0].App;

    public static async Task<ParityHosts> StartAsync(Neo4jOptions server, NetworkSnapshot snapshot, ParityClock clock)
    {
        var sqlite = Host(new() { ["Demo:Seed"] = "false", ["RateLimit:PermitsPerMinute"] = "0" }, clock);
        var neo4j = Host(Neo4jApi.Settings(server, seed: false), clock);
        var sides = new[] { new ParitySide("SQLite", sqlite, clock), new ParitySide("Neo4j", neo4j, clock) };
        foreach (var side in sides)
        {
            await side.App.Store.Lifecycle.ImportAsync(snapshot, CancellationToken.None);
        }
        return new ParityHosts(sides);
    }

    /// <summary>The SQLite answer's data to an earlier request, to take a cursor or an id from.</summary>
    public JsonNode? DataOf(string requestName) => _answers[requestName];

    /// <summary>Sends the request to both hosts; null when the answers agree and meet the expectation, else what differs.</summary>
    public async Task<string?> CompareAsync(ParityRequest request)
    {
        if (_answers.ContainsKey(request.Name))
        {
            throw new InvalidOperationException($"Two requests are named '{request.Name}'.");
        }
        var answers = new JsonObject[_sides.Length];
        for (var side = 0; side < _sides.Length; side++)
        {
            answers[side] = await _sides[side].SendAsync(request, _normaliser.VariablesFor(request.Variables, side));
        }
        if (request.Mints is { } minted)
        {
            _normaliser.Learn(minted.Name, [.. answers.Select(a => ParityJson.At(a["body"]?["data"], minted.Path)?.GetValue<string>())]);
        }
        _answers[request.Name] = answers[0]["body"]?["data"]?.DeepClone();
        var normalised = answers.Select((a, side) => _normaliser.Normalise(a, side)).ToArray();
        var problems = ParityJson.Differences(normalised[0], normalised[1], "$").Take(12).ToList();
        await DumpAsync(request.Name, normalised);
        problems.InsertRange(0, _sides.Select((s, i) => Unmet(request, s.Name, answers[i])).OfType<string>());
        return problems.Count == 0
            ? null
            : $"{request.Name} (as {request.As}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}";
    }

    /// <summary>
    /// Where <see cref="DumpVariable"/> names a folder, both whole answers to every request are written there, as
    /// compared (<c>name.sqlite.json</c>, <c>name.neo4j.json</c>): to read what was checked, or diff a mismatch.
    /// </summary>
    private async Task DumpAsync(string name, JsonNode[] answers)
    {
        if (Environment.GetEnvironmentVariable(DumpVariable) is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var indented = new JsonSerializerOptions(ParityJson.Options) { WriteIndented = true };
        for (var side = 0; side < _sides.Length; side++)
        {
            var file = Path.Combine(folder, $"{string.Concat(name.Split(Path.GetInvalidFileNameChars()))}.{_sides[side].Name.ToLowerInvariant()}.json");
            await File.WriteAllTextAsync(file, answers[side].ToJsonString(indented));
        }
    }

    public const string DumpVariable = "PATCHWORK_PARITY_DUMP";

    private static string? Unmet(ParityRequest request, string side, JsonObject answer)
    {
        var codes = answer["body"]?["errors"]?.AsArray().Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList() ?? [];
        var met = request.Refused is null ? codes.Count == 0 : codes.Count > 0 && codes.All(c => c == request.Refused);
        return met ? null : $"{side} was expected to {(request.Refused is null ? "succeed" : $"refuse with {request.Refused}")}: {Short(answer)}";
    }

    private static string Short(JsonNode node)
    {
        var text = node.ToJsonString(ParityJson.Options);
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private static PatchworkApp Host(Dictionary<string, string> settings, ParityClock clock) =>
        new("Development", settings) { ReplaceServices = services => OnClock(services, clock) };

    /// <summary>
    /// The host's "now" is the clock's, and so is the lifetime of its tokens: they are issued at the clock's time,
    /// and the bearer handler would otherwise judge them by the machine's.
    /// </summary>
    private static void OnClock(IServiceCollection services, ParityClock clock)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            jwt.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                notBefore <= clock.Now.UtcDateTime && clock.Now.UtcDateTime < expires);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var side in _sides)
        {
            await side.App.DisposeAsync();
        }
    }
}

/// <summary>One host of a parity run, with a token per demo account issued by it when needed, and again once it is old.</summary>
internal sealed class ParitySide(string name, PatchworkApp app, ParityClock clock)
{
    // Well inside a development token's eight hours, so a run that moves the clock days on signs in again.
    private static readonly TimeSpan TokenAge = TimeSpan.FromHours(4);

    private readonly Dictionary<string, (string Token, DateTimeOffset Issued)> _tokens = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public PatchworkApp App { get; } = app;

    /// <summary>The answer as <c>{"status": …, "body": …}</c>: the HTTP status is part of what must agree.</summary>
    public async Task<JsonObject> SendAsync(ParityRequest request, JsonNode? variables)
    {
        var response = await App.GraphQLAsync(await TokenAsync(request.As), request.Query, variables);
        return new JsonObject { ["status"] = response.Status, ["body"] = response.Body.DeepClone() };
    }

    private async Task<string> TokenAsync(string subject)
    {
        if (_tokens.TryGetValue(subject, out var held) && clock.Now - held.Issued < TokenAge)
        {
            return held.Token;
        }
        var account = Demo.Accounts(App).Single(a => a.Subject == subject);
        var token = await App.TokenForAsync(account.Email);
        _tokens[subject] = (token, clock.Now);
        return token;
    }
}

/// <summary>
/// What two instances may legitimately answer differently, and nothing else, replaced by the same placeholder on both
/// sides before the answers are compared.
/// </summary>
internal sealed class ParityNormaliser
{
    private readonly List<(string Name, string[] Ids)> _minted = [];

    /// <summary>Notes the ids each side minted for one write, to read later answers and variables by.</summary>
    public void Learn(string name, string?[] ids)
    {
        // A side that minted nothing already differs in the answer, which the comparison reports.
        if (ids.All(id => !string.IsNullOrEmpty(id)))
        {
            _minted.Add((name, [.. ids.Select(id => id!)]));
        }
    }

    /// <summary>The variables as one side must get them: each <c>⟨name⟩</c> replaced by the id that side minted.</summary>
    public JsonNode? VariablesFor(object? variables, int side)
    {
        var text = JsonSerializer.Serialize(variables, ParityJson.Options);
        foreach (var (name, ids) in _minted)
        {
            text = text.Replace(Placeholder(name), ids[side], StringComparison.Ordinal);
        }
        return JsonNode.Parse(text);
    }

    public JsonNode Normalise(JsonObject answer, int side)
    {
        var text = answer.ToJsonString(ParityJson.Options);
        // Request ids are the host's HTTP trace identifiers (error extensions, audit entries, an internal error's
        // message), drawn from a counter each process shares between its hosts: no two instances can agree on them.
        // They are numbered by first appearance, so which entries came from one request must still agree.
        var requests = RequestIds(answer).Distinct().ToList();
        for (var i = 0; i < requests.Count; i++)
        {
            text = text.Replace(requests[i], $"⟨request {i + 1}⟩", StringComparison.Ordinal);
        }
        // Ids minted by a write are new random UUIDs (Ids.New) on each instance: the same visit, client or follow-up
        // under two ids. Each is learnt from the answer of the write that made it and named alike on both sides.
        foreach (var (name, ids) in _minted)
        {
            text = text.Replace(ids[side], Placeholder(name), StringComparison.Ordinal);
        }
        return JsonNode.Parse(text)!;
    }

    private static string Placeholder(string name) => $"⟨{name}⟩";

    private static IEnumerable<string> RequestIds(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "requestId" && p.Value is JsonValue v && v.TryGetValue<string>(out var id)
            ? [id]
            : RequestIds(p.Value)),
        JsonArray a => a.SelectMany(RequestIds),
        _ => [],
    };
}

/// <summary>Paths into JSON answers, and the differences between two, one line each.</summary>
internal static class ParityJson
{
    /// <summary>Text as it is, not escaped: placeholders and names read as written, in variables and in failure messages.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = int.TryParse(step, out var index) ? node is JsonArray a && index < a.Count ? a[index] : null : node?[step];
        }
        return node;
    }

    /// <summary>Where the SQLite answer (<paramref name="sqlite"/>) and the Neo4j answer differ, by JSON path.</summary>
    public static IEnumerable<string> Differences(JsonNode? sqlite, JsonNode? neo4j, string path) => (sqlite, neo4j) switch
    {
        (JsonObject a, JsonObject b) => a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .SelectMany(key => a.ContainsKey(key) && b.ContainsKey(key)
                ? Differences(a[key], b[key], $"{path}.{key}")
                : [$"{path}.{key}: SQLite {(a.ContainsKey(key) ? Show(a[key]) : "(absent)")} | Neo4j {(b.ContainsKey(key) ? Show(b[key]) : "(absent)")}"]),
        (JsonArray a, JsonArray b) => (a.Count == b.Count ? [] : new[] { $"{path}: {a.Count} items on SQLite, {b.Count} on Neo4j" })
            .Concat(Enumerable.Range(0, Math.Min(a.Count, b.Count)).SelectMany(i => Differences(a[i], b[i], $"{path}[{i}]"))),
        _ => JsonNode.DeepEquals(sqlite, neo4j) ? [] : [$"{path}: SQLite {Show(sqlite)} | Neo4j {Show(neo4j)}"],
    };

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString(Options) ?? "null";
        return text.Length <= 160 ? text : text[..160] + "…";
    }
}
