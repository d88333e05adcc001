using System.Globalization;
using System.Text;
using Patchwork.Changes;
using Patchwork.Ports;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Bench;

/// <summary>The family-team call through GraphQL on one store: one connection, then saturation.</summary>
internal sealed record ApiRuns(LoadRun One, LoadRun Max, TimeSpan StartUp);

/// <summary>One store's figures in a <c>--store neo4j</c> run.</summary>
internal sealed record StoreFigures(IReadOnlyList<Measurement> Calls, ApiRuns Api, ReportBenchmarks.Results Reports);

/// <summary>What the Neo4j server was and held during the run.</summary>
internal sealed record ServerFigures(
    Neo4jLoad Load, bool LoadedNow, long StoreBytes, long LogBytes, string Heap, string PageCache, double ResidentMB, double PeakMB);

internal sealed record Neo4jResults(StoreFigures Sqlite, StoreFigures Neo4j, ServerFigures Server, string LoadBefore, string LoadAfter);

/// <summary>
/// <c>bench/run --store neo4j</c>: the county moved into a real Neo4j server with the API's own move command (timed),
/// then the store calls, the GraphQL family team and the reports measured on both stores in the same run, SQLite
/// first, so that every comparison is of figures taken minutes apart on the same machine and the same data.
/// </summary>
internal static class Neo4jBenchmarks
{
    private const string Heading = "## Neo4j";

    public static async Task<Neo4jResults> RunAsync(Paths paths, Seeding seeding, string work, BenchOptions options)
    {
        var before = Machine.CurrentLoadAverage();
        var sample = await Sample.DrawAsync(work, new Random(options.Seed));
        await using var server = await Neo4jServer.StartAsync(paths, options.Database, seeding, options.Reseed);
        var loadedNow = server.Load is null;
        // Moved from the working copy before anything below writes to it: the same network as the seeded file.
        var load = await server.EnsureLoadedAsync(paths, work, options.Database, seeding);

        Console.WriteLine("SQLite …");
        StoreFigures sqlite;
        using (var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = work }, TimeProvider.System))
        {
            await store.InitializeAsync(CancellationToken.None);
            sqlite = await MeasureAsync(paths, store, store, ApiStore.Sqlite(work), sample, options);
        }
        Console.WriteLine("Neo4j …");
        StoreFigures neo4j;
        using (var store = new Neo4jNetworkStore(server.Options, TimeProvider.System))
        {
            await store.InitializeAsync(CancellationToken.None);
            neo4j = await MeasureAsync(paths, store, store, server.ApiStore, sample, options);
        }
        var (storeBytes, logBytes) = server.SizeOnDisk();
        var (resident, peak) = server.ResidentMB();
        var figures = new ServerFigures(load, loadedNow, storeBytes, logBytes, server.Heap, server.PageCache, resident, peak);
        return new Neo4jResults(sqlite, neo4j, figures, before, Machine.CurrentLoadAverage());
    }

    /// <summary>One store: its calls alone, then the API on it, then its reports (the longest, last).</summary>
    private static async Task<StoreFigures> MeasureAsync<TStore>(
        Paths paths, TStore store, INetworkReports reports, ApiStore api, Sample sample, BenchOptions options)
        where TStore : IBatchReads, IPractitionerQueries, IWriteStore
    {
        Console.WriteLine("  store alone …");
        var calls = await StoreBenchmarks.RunAsync(store, sample, options);
        foreach (var m in calls)
        {
            Console.WriteLine($"  {m.Name,-28} p50 {Report.Ms(m.P50)}  p99 {Report.Ms(m.P99)}  ({m.Count:N0} calls)");
        }
        ApiRuns runs;
        using (var started = await HttpBenchmarks.StartApiAsync(paths, api, sample))
        {
            var one = await Wrk.RunAsync("GraphQL family team", started.Script, started.Url, 1, options.Duration);
            var max = await Wrk.RunAsync("GraphQL family team", started.Script, started.Url, HttpBenchmarks.SaturationConnections, options.Duration);
            runs = new ApiRuns(one, max, started.StartUp);
        }
        Console.WriteLine("  reports …");
        var report = await ReportBenchmarks.MeasureAsync(reports, ReportBenchmarks.Calls.Few);
        Console.WriteLine(ReportBenchmarks.Table(report));
        return new StoreFigures(calls, runs, report);
    }

    public static string Patch(string page, string section) => Sections.Replace(page, Heading, section);

    public static string Markdown(Neo4jResults results, Machine machine, BenchOptions options, string notes)
    {
        var md = new StringBuilder();
        md.AppendLine(Heading).AppendLine();
        Describe(md, results, machine, options);
        StoreTable(md, results);
        ApiTable(md, results);
        ReportTable(md, results);
        md.AppendLine("| target | goal | measured | |").AppendLine("| --- | --- | --- | --- |");
        foreach (var (what, goal, measured, met) in Targets(results))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {goal} | {measured} | {(met ? "met" : "**missed**")} |");
        }
        // What the plans and profiles showed about the missed targets is written by hand and kept with every run.
        if (File.Exists(notes))
        {
            md.AppendLine().Append(File.ReadAllText(notes));
        }
        return md.ToString();
    }

    public static string Table(Neo4jResults results)
    {
        var text = new StringBuilder("Neo4j beside SQLite\n");
        foreach (var (what, goal, measured, met) in Targets(results))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{(met ? "met" : "MISSED"),-6}] {what}: {measured} (target {goal})");
        }
        return text.ToString();
    }

    private static void Describe(StringBuilder md, Neo4jResults results, Machine machine, BenchOptions options)
    {
        var server = results.Server;
        var load = server.Load;
        md.AppendLine(CultureInfo.InvariantCulture, $"""
            The same county moved into Neo4j 5.26 Community (`shared/neo4j`, on the machine's Java, the same
            {machine.Cores} cores as the benchmark and the API) with the API's own `move --from sqlite --to neo4j`, and measured
            beside the embedded store in the same run with `bench/run --store neo4j`: the store calls through the port
            (`Neo4jNetworkStore` over the Query API, in the benchmark's process), the GraphQL family team through the API
            started with `Storage:Provider=neo4j`, and the reports, each on SQLite first and then on Neo4j. Run at
            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; each wrk run lasts {options.Duration.TotalSeconds:F0} s after the same 20 s warm-up;
            load average before {results.LoadBefore}, after {results.LoadAfter}.

            - Server memory: heap {server.Heap}, page cache {server.PageCache} (`NEO4J_HEAP`, `NEO4J_PAGECACHE` of `shared/neo4j/start`);
              resident {server.ResidentMB:N0} MB at the end of the run, {server.PeakMB:N0} MB at most.
            - Store on disk: {Gb(server.StoreBytes)} (store files and indexes, `data/databases/neo4j`), transaction logs
              {Gb(server.LogBytes)} more.
            - County load: {Duration(load.Took)} ({load.Summary.Trim()}), {(server.LoadedNow ? "in this run" : $"at {load.LoadedAt:yyyy-MM-dd HH:mm} UTC; the loaded server is reused between runs, and `--reseed` loads it again")}.
              The benchmark's writes (joins, contacts, the audit entries of every view) stay in the server between runs.
            """).AppendLine();
    }

    private static void StoreTable(StringBuilder md, Neo4jResults results)
    {
        md.AppendLine("| store call | SQLite p50 | SQLite p99 | Neo4j p50 | Neo4j p99 | calls |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (s, n) in results.Sqlite.Calls.Zip(results.Neo4j.Calls))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {Report.Ms(s.P50)} | {Report.Ms(s.P99)} | {Report.Ms(n.P50)} | {Report.Ms(n.P99)} | {n.Count:N0} |");
        }
        md.AppendLine();
    }

    private static void ApiTable(StringBuilder md, Neo4jResults results)
    {
        md.AppendLine("| GraphQL family team | connections | SQLite req/s | SQLite p50 | SQLite p99 | Neo4j req/s | Neo4j p50 | Neo4j p99 |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (s, n) in new[] { (results.Sqlite.Api.One, results.Neo4j.Api.One), (results.Sqlite.Api.Max, results.Neo4j.Api.Max) })
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {(s.Connections == 1 ? "one connection" : "saturation")} | {s.Connections} | {s.RequestsPerSecond:N0} | {Report.Ms(s.P50)} | " +
                $"{Report.Ms(s.P99)} | {n.RequestsPerSecond:N0} | {Report.Ms(n.P50)} | {Report.Ms(n.P99)} |");
        }
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"API start-up to ready: {results.Sqlite.Api.StartUp.TotalSeconds:F2} s on SQLite, {results.Neo4j.Api.StartUp.TotalSeconds:F2} s on Neo4j.");
        md.AppendLine();
    }

    private static void ReportTable(StringBuilder md, Neo4jResults results)
    {
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Reports as `ReportQueries` computes them, in the benchmark's process, fewer calls than the Reports section above; " +
            $"{results.Neo4j.Reports.FamiliesWithoutContact:N0} families on the no-contact list on Neo4j, {results.Sqlite.Reports.FamiliesWithoutContact:N0} on SQLite.");
        md.AppendLine();
        md.AppendLine("| report | SQLite p50 | SQLite p99 | Neo4j p50 | Neo4j p99 | calls |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (s, n) in results.Sqlite.Reports.Measurements.Zip(results.Neo4j.Reports.Measurements))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {Report.Ms(s.P50)} | {Report.Ms(s.P99)} | {Report.Ms(n.P50)} | {Report.Ms(n.P99)} | {n.Count:N0} |");
        }
        md.AppendLine();
    }

    private static List<(string What, string Goal, string Measured, bool Met)> Targets(Neo4jResults results)
    {
        var team = results.Neo4j.Calls.Single(m => m.Name == StoreBenchmarks.FamilyTeam);
        Measurement Of(string name) => results.Neo4j.Reports.Measurements.Single(m => m.Name == name);
        var noContact = Of(ReportBenchmarks.NoContact);
        var perFamily = Of(ReportBenchmarks.DensityPerFamily);
        var (sqliteMax, neo4jMax) = (results.Sqlite.Api.Max.RequestsPerSecond, results.Neo4j.Api.Max.RequestsPerSecond);
        var took = results.Server.Load.Took;
        return
        [
            ("Neo4j store: family team p50", "≤ 3 ms", Report.Ms(team.P50), team.P50 <= 3),
            ("Neo4j store: family team p99", "≤ 15 ms", Report.Ms(team.P99), team.P99 <= 15),
            ("GraphQL family team at saturation, Neo4j ÷ SQLite", "≥ 50 %",
                $"{neo4jMax / sqliteMax:P0} ({neo4jMax:N0} of {sqliteMax:N0} req/s)", neo4jMax >= sqliteMax / 2),
            ("Neo4j: families without contact, whole county, p99", "≤ 2 s", Report.Ms(noContact.P99), noContact.P99 <= 2000),
            ("Neo4j: density for every family, whole county, p99", "≤ 30 s", Report.Ms(perFamily.P99), perFamily.P99 <= 30_000),
            ("County load into Neo4j (`move`)", "≤ 10 min", Duration(took), took <= TimeSpan.FromMinutes(10)),
        ];
    }

    private static string Gb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:F2} GB");

    private static string Duration(TimeSpan t) => t.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds:D2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F0} s");
}
