using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Patchwork.Resilience.Tests.Fuzz;
using Xunit.Abstractions;

namespace Patchwork.Resilience.Tests;

/// <summary>
/// Hostile input never produces a server error or a crash: more than ten thousand malformed, oversized, deeply
/// nested, badly typed and badly authenticated requests against one running API process, from a fixed seed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int RequestCount = 10_400;
    private const int Senders = 4;
    private const long MemoryBoundBytes = 600L * 1024 * 1024;
    private const int DefaultSeed = 1802;

    private static readonly string[] StackTraceMarkers = ["   at ", "Exception", "INTERNAL_SERVER_ERROR"];

    private readonly ApiServer _server = new();

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_server_error_and_leave_the_server_healthy()
    {
        var seed = Environment.GetEnvironmentVariable("PATCHWORK_FUZZ_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : DefaultSeed;
        output.WriteLine($"Seed {seed} (set PATCHWORK_FUZZ_SEED to change it); request n is made from the seed and n alone.");

        await _server.StartAsync();
        using var http = _server.CreateClient(TimeSpan.FromSeconds(20));
        var context = await FuzzSetup.PrepareAsync(http);
        var schemaNames = DocumentMutator.NamesIn(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "patchwork.graphql")));
        var valid = await FuzzSetup.CountValidCorpusDocumentsAsync(http, context);
        output.WriteLine($"Corpus: {valid} of {Corpus.All.Count} seed documents run without a document error; vocabulary {schemaNames.Count} schema names.");

        var before = _server.ResidentBytes();
        var loggedBefore = _server.Output.ErrorLines().Count;
        var requests = new HostileRequests(seed, context, new DocumentMutator(schemaNames));
        var tally = new Tally();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < RequestCount && _server.IsRunning)
            {
                var request = requests.Create(index);
                tally.Record(index, request, await HostileSender.SendAsync(http, request));
            }
        })));
        clock.Stop();

        var alive = _server.IsRunning;
        var after = alive ? _server.ResidentBytes() : 0;
        var ready = alive && (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        var stillServes = alive && (await GraphQLCall.SendAsync(http, context.PractitionerToken, "{ me { subject } }")).Succeeded;
        var logged = _server.Output.ErrorLines().Skip(loggedBefore).ToList();
        // The request log also shows server errors no client saw, because the connection had gone before the answer.
        // Those for a request the client ended early (the server's read was cancelled or cut short) are reported, not failed.
        var logged5xx = logged.Where(l => l.Contains(" responded 5", StringComparison.Ordinal)).ToList();
        var loggedServerErrors = logged5xx.Count(l => !IsClientGone(l));

        output.WriteLine($"{tally.Total} requests in {clock.Elapsed.TotalSeconds:F1} s ({tally.Total / clock.Elapsed.TotalSeconds:F0}/s) " +
            $"from {Senders} concurrent senders; slowest {tally.Slowest}.");
        output.WriteLine(tally.Table());
        output.WriteLine($"Server memory (VmRSS): {before / (1024 * 1024)} MiB before, {after / (1024 * 1024)} MiB after " +
            $"(bound {MemoryBoundBytes / (1024 * 1024)} MiB). Alive: {alive}; /health/ready: {ready}; a normal query still answers: {stillServes}.");
        output.WriteLine($"The server logged {logged.Count} errors; {logged5xx.Count} 5xx responses, {logged5xx.Count - loggedServerErrors} of " +
            $"them to requests the client had ended early." +
            (logged.Count == 0 ? "" : " Exceptions among them:\n  " + string.Join("\n  ", ExceptionsIn(logged))));
        var violations = tally.Violations();
        output.WriteLine(violations.Count == 0
            ? "No violations."
            : $"{violations.Sum(v => v.Count)} violations, by kind (reproduce one with seed {seed} and its request number):\n"
                + string.Join('\n', violations.Select(v => v.ToString())));

        Assert.True(alive, $"The server process died. Its last output:\n{_server.Output.Tail()}");
        Assert.True(ready, "/health/ready did not answer 200 after the run.");
        Assert.True(stillServes, "A normal query no longer succeeds after the run.");
        Assert.True(tally.Total >= 10_000, $"Only {tally.Total} requests were sent.");
        Assert.True(after < MemoryBoundBytes, $"The server grew to {after / (1024 * 1024)} MiB.");
        Assert.True(violations.Count == 0,
            $"{violations.Sum(v => v.Count)} hostile requests were answered badly:\n" + string.Join('\n', violations.Select(v => v.ToString())));
        Assert.True(loggedServerErrors == 0, $"The server logged {loggedServerErrors} responses with a 5xx status to requests it had read:\n  "
            + string.Join("\n  ", logged5xx.Where(l => !IsClientGone(l)).Take(5)));
    }

    public void Dispose() => _server.Dispose();

    /// <summary>The exception types in the server's error log, with how often each appeared and its first message.</summary>
    private static IEnumerable<string> ExceptionsIn(IEnumerable<string> logged) =>
        logged.Select(l => l.Split(" | ", 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[1].Split(':', 2)[0])
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()}× {Shorten(g.First()[1], 240)} (after \"{Shorten(g.First()[0], 120)}\")");

    private static bool IsClientGone(string logged) =>
        logged.Contains(" | System.Threading.Tasks.TaskCanceledException", StringComparison.Ordinal)
        || logged.Contains(" | System.OperationCanceledException", StringComparison.Ordinal)
        || logged.Contains("Unexpected end of request content", StringComparison.Ordinal);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private sealed record ViolationGroup(string Category, string Problem, string Status, int Count, IReadOnlyList<string> Examples, string FirstBody)
    {
        public override string ToString() =>
            $"  {Count}× [{Category}] {Problem} (answered {Status}), e.g. {string.Join(" | ", Examples)}\n      first body: {FirstBody}";
    }

    /// <summary>Counts per category and status, and every answer that breaks a promise.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentDictionary<(string Category, string Status), int> _counts = new();
        private readonly ConcurrentQueue<(int Index, HostileRequest Request, string Problem, string Status, string Body)> _violations = new();
        private readonly Lock _gate = new();
        private int _total;
        private (TimeSpan Elapsed, string What) _slowest;

        public int Total => Volatile.Read(ref _total);

        public string Slowest
        {
            get
            {
                lock (_gate)
                {
                    return $"{_slowest.Elapsed.TotalMilliseconds:F0} ms ({_slowest.What})";
                }
            }
        }

        public void Record(int index, HostileRequest request, HostileOutcome outcome)
        {
            Interlocked.Increment(ref _total);
            var status = outcome.Status?.ToString(CultureInfo.InvariantCulture)
                ?? (outcome.TransportError is null ? "closed"
                    : outcome.TransportError.StartsWith("no answer", StringComparison.Ordinal) ? "timeout" : "reset");
            _counts.AddOrUpdate((request.Category, status), 1, (_, n) => n + 1);
            lock (_gate)
            {
                if (outcome.Elapsed > _slowest.Elapsed)
                {
                    _slowest = (outcome.Elapsed, $"#{index} {request}");
                }
            }
            var problems = string.Join("; ", Problems(request, outcome));
            if (problems.Length > 0)
            {
                var body = outcome.Body.ReplaceLineEndings(" ");
                _violations.Enqueue((index, request, problems, status, body.Length > 300 ? body[..300] + "…" : body));
            }
        }

        private static IEnumerable<string> Problems(HostileRequest request, HostileOutcome outcome)
        {
            if (outcome.Status >= 500)
            {
                yield return "server error";
            }
            if (outcome.TransportError is { } error
                && (error.StartsWith("no answer", StringComparison.Ordinal) || (request.Raw is null && !request.MayDropConnection)))
            {
                yield return "no answer: " + error;
            }
            foreach (var marker in StackTraceMarkers.Where(m => outcome.Body.Contains(m, StringComparison.Ordinal)))
            {
                yield return $"the body contains \"{marker}\"";
            }
        }

        /// <summary>The violations grouped by category, problem and status, each with its count and first examples.</summary>
        public IReadOnlyList<ViolationGroup> Violations() =>
        [
            .. _violations
                .GroupBy(v => (v.Request.Category, v.Problem, v.Status))
                .Select(g => new ViolationGroup(g.Key.Category, g.Key.Problem, g.Key.Status, g.Count(),
                    [.. g.OrderBy(v => v.Index).Take(3).Select(v => $"#{v.Index} {v.Request.Summary}")], g.MinBy(v => v.Index).Body))
                .OrderByDescending(g => g.Count),
        ];

        public string Table()
        {
            var statuses = _counts.Keys.Select(k => k.Status).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            var categories = HostileRequests.Categories.Select(c => c.Name).ToList();
            var table = new StringBuilder();
            table.Append(CultureInfo.InvariantCulture, $"{"category",-26}{"total",7}");
            foreach (var status in statuses)
            {
                table.Append(CultureInfo.InvariantCulture, $"{status,10}");
            }
            table.AppendLine();
            foreach (var category in categories.Append("all"))
            {
                int Count(string status) => _counts.Where(c => (category == "all" || c.Key.Category == category) && c.Key.Status == status).Sum(c => c.Value);
                table.Append(CultureInfo.InvariantCulture, $"{category,-26}{statuses.Sum(Count),7}");
                foreach (var status in statuses)
                {
                    table.Append(CultureInfo.InvariantCulture, $"{Count(status),10}");
                }
                table.AppendLine();
            }
            table.Append("closed: the server closed the connection without answering; reset: the connection failed; timeout: no answer in time.");
            return table.ToString();
        }
    }
}
