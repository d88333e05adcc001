using System.Globalization;
using Patchwork.Bench;
using Patchwork.Storage.Sqlite;

// The county benchmark: seeds (or reuses) a county database, measures the store alone, then the API through
// HTTP and GraphQL with wrk next to the two baselines, then the doorstep beside analysts running reports, prints the
// tables and writes docs/benchmarks.md.
// Run it with bench/run (which builds everything in Release first).
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
var paths = Paths.Find();
var machine = Machine.Describe();
Console.WriteLine($"Patchwork benchmark on {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB:F0} GiB; load average {machine.LoadAverage}.");

var seeding = await Seeding.EnsureCountyAsync(paths, options);
Console.WriteLine($"County database: {seeding.Describe()}");

var work = Path.Combine(paths.DataDirectory, "county.work.db");
Console.WriteLine("Copying the county database, so that the writes below leave it as seeded …");
Seeding.CopyDatabase(options.Database, work);

var output = Path.Combine(paths.Root, "docs", "benchmarks.md");
if (options.Neo4j)
{
    var results = await Neo4jBenchmarks.RunAsync(paths, seeding, work, options);
    var section = Neo4jBenchmarks.Markdown(results, machine, options, Path.Combine(paths.Root, "bench", "notes-neo4j.md"));
    Console.WriteLine(Neo4jBenchmarks.Table(results));
    var page = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# Benchmarks\n";
    await File.WriteAllTextAsync(output, Neo4jBenchmarks.Patch(page, section));
    Console.WriteLine($"Neo4j section written to {Path.GetRelativePath(Environment.CurrentDirectory, output)}.");
    Seeding.DeleteDatabase(work);
    return 0;
}
if (options.ApiOnly)
{
    var families = await Sample.DrawAsync(work, new Random(options.Seed));
    await HttpBenchmarks.RunApiAsync(paths, ApiStore.Sqlite(work), families, options);
    Seeding.DeleteDatabase(work);
    return 0;
}
if (options.Doorstep)
{
    var families = await Sample.DrawAsync(work, new Random(options.Seed));
    var doorstep = await DoorstepBenchmarks.RunAsync(paths, work, families, options);
    var section = DoorstepBenchmarks.Markdown(doorstep, machine);
    Console.WriteLine(section);
    var page = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# Benchmarks\n";
    await File.WriteAllTextAsync(output, DoorstepBenchmarks.Patch(page, section));
    Seeding.DeleteDatabase(work);
    return 0;
}
Console.WriteLine("Reports …");
var reports = await ReportBenchmarks.RunAsync(work);
Console.WriteLine(ReportBenchmarks.Table(reports));
if (options.ReportsOnly)
{
    var page = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# Benchmarks\n";
    await File.WriteAllTextAsync(output, ReportBenchmarks.Patch(page, ReportBenchmarks.Markdown(reports)));
    Console.WriteLine($"Reports section written to {Path.GetRelativePath(Environment.CurrentDirectory, output)}.");
    Seeding.DeleteDatabase(work);
    return 0;
}

var sample = await Sample.DrawAsync(work, new Random(options.Seed));
var data = await Sample.CountAsync(work);
Console.WriteLine($"Sampled {sample.Families.Count} families with a practitioner in their team, {sample.Clients.Count} clients, " +
    $"{sample.Searches.Count} searches.");

Console.WriteLine("Store alone …");
IReadOnlyList<Measurement> store;
using (var sqlite = new SqliteNetworkStore(new SqliteStoreOptions { Path = work }, TimeProvider.System))
{
    await sqlite.InitializeAsync(CancellationToken.None);
    store = await StoreBenchmarks.RunAsync(sqlite, sample, options);
}
foreach (var m in store)
{
    Console.WriteLine($"  {m.Name,-28} p50 {Report.Ms(m.P50)}  p99 {Report.Ms(m.P99)}  ({m.Count:N0} calls)");
}

var http = await HttpBenchmarks.RunAsync(paths, work, sample, options);
Console.WriteLine("The doorstep beside analysts …");
var doorstepSection = DoorstepBenchmarks.Markdown(await DoorstepBenchmarks.RunAsync(paths, work, sample, options), machine);
var report = new Report(machine, seeding, data, store, http, options, Path.Combine(paths.Root, "bench", "notes.md"));
Console.WriteLine();
Console.WriteLine(report.Table());
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output,
    string.Join(Environment.NewLine, report.Markdown(), ReportBenchmarks.Markdown(reports), doorstepSection));
Console.WriteLine($"Written to {Path.GetRelativePath(Environment.CurrentDirectory, output)} at {DateTime.Now.ToString("HH:mm", CultureInfo.InvariantCulture)}.");
Seeding.DeleteDatabase(work);
return 0;
