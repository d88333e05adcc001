using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Patchwork.Bench;

/// <summary>The doorstep's family-team tail at one steady rate, alone and beside analysts running reports.</summary>
internal sealed record DoorstepResults(double Rate, LoadRun Alone, LoadRun BesideAnalysts, int Analysts, AnalystTally Reports)
{
    public double Ratio => BesideAnalysts.P99 / Alone.P99;

    public bool Met => Ratio <= DoorstepBenchmarks.Limit;
}

/// <summary>What the analysts got done while the doorstep was measured beside them.</summary>
internal sealed record AnalystTally(int Answered, int Failed, double MedianSeconds, string? Refusal);

/// <summary>
/// Can analysts slow the doorstep? Practitioners open family teams at a steady rate (a quarter of what the API
/// answers at saturation, measured in the same run), first alone and then while four analysts each run the heaviest
/// analyst report (family networks over the whole county) one after another without pause. The practitioners'
/// p99 beside the analysts should be at most <see cref="Limit"/> times their p99 alone.
/// </summary>
internal static class DoorstepBenchmarks
{
    public const double Limit = 1.5;
    private const int Analysts = 4;
    private const string Heading = "## The doorstep beside analysts";

    private const string HeaviestReport = """
        { familyNetworks { area agencies lastContact families { value suppressed } withKeyWorker { value suppressed } } }
        """;

    public static async Task<DoorstepResults> RunAsync(Paths paths, string database, Sample sample, BenchOptions options)
    {
        var scripts = Path.Combine(paths.DataDirectory, "wrk");
        using var api = await HttpBenchmarks.StartApiAsync(paths, ApiStore.Sqlite(database), sample);
        var one = await Wrk.RunAsync("GraphQL family team", api.Script, api.Url, 1, options.Duration);
        var max = await Wrk.RunAsync("GraphQL family team", api.Script, api.Url, HttpBenchmarks.SaturationConnections, options.Duration);
        var rate = max.RequestsPerSecond / 4;
        var (alone, pause) = await HttpBenchmarks.PacedAsync(api.Requests, api.Url, rate, one.P50, options, scripts);
        // The same offered load as alone: the same pause between an answer and the next request on each connection.
        using var analysts = new AnalystLoad(api.Url, api.Key, Analysts);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the reports under way before the doorstep is timed
        var beside = await HttpBenchmarks.PacedAtAsync(api.Requests, api.Url, pause, $"beside {Analysts} analysts", options, scripts);
        var tally = await analysts.StopAsync();
        return new DoorstepResults(rate, alone with { Name = "alone" }, beside, Analysts, tally);
    }

    public static string Markdown(DoorstepResults results, Machine machine)
    {
        var page = new StringBuilder();
        page.AppendLine(Heading).AppendLine();
        page.AppendLine(CultureInfo.InvariantCulture, $"""
            A practitioner's family team through GraphQL at a steady {results.Rate:N0} requests a second (a quarter of the
            API's saturation rate in the same run, paced over 8 connections), first alone, then while {results.Analysts}
            analysts each run family networks over the whole county one after another without pause (the heaviest
            analyst report). On {machine.Cpu}, {machine.Cores} cores; load average after: {Machine.CurrentLoadAverage()}.
            Measured with `bench/run --doorstep`.
            """).AppendLine();
        page.AppendLine("| doorstep | req/s | p50 | p99 |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var run in new[] { results.Alone, results.BesideAnalysts })
        {
            page.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Name} | {run.RequestsPerSecond:N0} | {Report.Ms(run.P50)} | {Report.Ms(run.P99)} |");
        }
        page.AppendLine();
        page.AppendLine(CultureInfo.InvariantCulture,
            $"The analysts had {results.Reports.Answered} reports answered (median {results.Reports.MedianSeconds:F1} s each, queue included) " +
            $"and {results.Reports.Failed} refused or failed{(results.Reports.Refusal is { } why ? $" ({why})" : "")}.").AppendLine();
        page.AppendLine("| target | goal | measured | |").AppendLine("| --- | --- | --- | --- |");
        page.AppendLine(CultureInfo.InvariantCulture,
            $"| Doorstep p99 beside analysts ÷ alone | ≤ {Limit:F1}× | {results.Ratio:F2}× | {(results.Met ? "met" : "**missed**")} |");
        return page.ToString();
    }

    public static string Patch(string page, string section) => Sections.Replace(page, Heading, section);

    /// <summary>Analysts asking for the heaviest report, each as soon as their last one was answered.</summary>
    private sealed class AnalystLoad : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http;
        private readonly Task<List<(string? Refusal, double Seconds)>>[] _analysts;

        public AnalystLoad(string url, byte[] key, int count)
        {
            _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            _analysts = [.. Enumerable.Range(1, count).Select(i => Task.Run(() => RunAsync(HttpBenchmarks.Token($"analyst-{i}", key, "analyst"))))];
        }

        public async Task<AnalystTally> StopAsync()
        {
            await _stop.CancelAsync();
            var runs = (await Task.WhenAll(_analysts)).SelectMany(r => r).ToList();
            var answered = runs.Where(r => r.Refusal is null).Select(r => r.Seconds).Order().ToList();
            var refusal = runs.Select(r => r.Refusal).FirstOrDefault(r => r is not null);
            return new AnalystTally(answered.Count, runs.Count - answered.Count, answered.Count == 0 ? 0 : answered[answered.Count / 2], refusal);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _http.Dispose();
            _stop.Dispose();
        }

        private async Task<List<(string? Refusal, double Seconds)>> RunAsync(string token)
        {
            var runs = new List<(string?, double)>();
            var body = new JsonObject { ["query"] = HeaviestReport }.ToJsonString();
            while (!_stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
                try
                {
                    // Not cancelled by the stop: a report already asked for is let finish, as an analyst would.
                    using var response = await _http.SendAsync(request);
                    var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    var code = answer?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
                    runs.Add((response.StatusCode == HttpStatusCode.OK ? code : $"HTTP {(int)response.StatusCode} {code}", clock.Elapsed.TotalSeconds));
                }
                catch (HttpRequestException e)
                {
                    runs.Add((e.Message, clock.Elapsed.TotalSeconds));
                }
            }
            return runs;
        }
    }
}

/// <summary>Replaces one <c>## </c> section of a Markdown page, or adds it at the end when it is not there yet.</summary>
internal static class Sections
{
    public static string Replace(string page, string heading, string section)
    {
        var start = page.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return page.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        }
        var next = page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return page[..start] + section + (next < 0 ? "" : Environment.NewLine + page[(next + 1)..]);
    }
}
