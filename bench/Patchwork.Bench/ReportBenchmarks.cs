using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Patchwork.Api.Reports;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Bench;

/// <summary>
/// The analysts' and commissioners' reports on the whole county, as the API computes them (store, small-count rule,
/// pseudonyms, ordering; GraphQL and HTTP excluded), one call at a time. Also times the reports migration on a
/// county database that does not have it yet.
/// </summary>
internal static class ReportBenchmarks
{
    public const string NoContact = "families without contact (county, 90 days)";
    public const string NoContactPage = "… first page of 100";
    public const string NoContactOfKind = "families without contact (county, health only)";
    public const string DensityByArea = "density by area (county)";
    public const string DensityPerFamily = "density for every family (county)";
    public const string Pairs = "agency co-involvement (county)";
    public const string Caseloads = "caseloads (county)";

    public sealed record Results(IReadOnlyList<Measurement> Measurements, TimeSpan? Migration, int FamiliesWithoutContact, string LoadAverage);

    /// <summary>How many times each report is timed: fewer where one call takes seconds, as on Neo4j.</summary>
    public sealed record Calls(int Frequent, int ByArea, int Heavy, int Filtered)
    {
        public static Calls Full { get; } = new(100, 40, 5, 3);

        public static Calls Few { get; } = new(5, 5, 3, 2);
    }

    /// <summary>The reports on the embedded store, which is migrated first if it lacks the reports schema (timed).</summary>
    public static async Task<Results> RunAsync(string database)
    {
        using var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = database }, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var migrating = !await HasReportsSchemaAsync(database);
        await store.InitializeAsync(CancellationToken.None);
        TimeSpan? migration = migrating ? clock.Elapsed : null;
        return await MeasureAsync(store, Calls.Full) with { Migration = migration };
    }

    /// <summary>Every report through the reports port of an open store, as the API computes it.</summary>
    public static async Task<Results> MeasureAsync(INetworkReports reports, Calls calls)
    {
        var options = Options.Create(new ReportOptions { PseudonymKey = "bench-pseudonym-key-bench-pseudonym-key" });
        var queries = new ReportQueries(reports, new Pseudonyms(options), TimeProvider.System, options);
        var ct = CancellationToken.None;
        var withoutContact = (await queries.FamiliesWithoutContactAsync(new ReportArguments(Days: 90), ct)).Count;
        var results = new List<Measurement>
        {
            await TimeAsync(NoContact, calls.Frequent, () => queries.FamiliesWithoutContactAsync(new ReportArguments(Days: 90), ct)),
            await TimeAsync(NoContactPage, calls.Frequent, async () => Cursors.Page(
                await queries.FamiliesWithoutContactAsync(new ReportArguments(Days: 90), ct), ReportQueries.PositionOf, 100, null)),
            await TimeAsync(DensityByArea, calls.ByArea, () => queries.DensityAsync(new ReportArguments(), ct)),
            await TimeAsync(DensityPerFamily, calls.Heavy, () => queries.FamilyNetworksAsync(new ReportArguments(), ct)),
            await TimeAsync(Pairs, calls.Heavy, () => queries.AgencyPairsAsync(new ReportArguments(), ct)),
            await TimeAsync(Caseloads, calls.Heavy, () => queries.CaseloadsAsync(new ReportArguments(), ct)),
            await TimeAsync(NoContactOfKind, calls.Filtered, () => queries.FamiliesWithoutContactAsync(new ReportArguments(AgencyKind: AgencyKind.Health, Days: 90), ct)),
        };
        return new Results(results, null, withoutContact, Machine.CurrentLoadAverage());
    }

    public static string Table(Results results)
    {
        var text = new StringBuilder();
        text.AppendLine("Reports (whole county, one call at a time, in process)");
        foreach (var m in results.Measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {m.Name,-48} p50 {Report.Ms(m.P50),10}  p99 {Report.Ms(m.P99),10}  ({m.Count} calls)");
        }
        foreach (var (what, goal, measured, met) in Targets(results))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{(met ? "met" : "MISSED"),-6}] {what}: {measured} (target {goal})");
        }
        return text.ToString();
    }

    public static string Markdown(Results results)
    {
        var md = new StringBuilder();
        md.AppendLine("## Reports");
        md.AppendLine();
        md.AppendLine("The analysts' and commissioners' reports over the whole county, as the API computes them: the store's");
        md.AppendLine("figures, the small-count rule, pseudonymous references and ordering (`ReportQueries`), in the benchmark's");
        md.AppendLine("process, one call at a time; GraphQL and HTTP are not included. No filter (whole county), as of now.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{results.FamiliesWithoutContact:N0} families match the no-contact list at 90 days. Load average after: {results.LoadAverage}.");
        if (results.Migration is { } migration)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Applying the reports migration (`0003_reports.sql`: running figures per client, two indexes) to the county database took {migration.TotalSeconds:F1} s.");
        }
        md.AppendLine();
        md.AppendLine("| report | p50 | p99 | calls |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var m in results.Measurements)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {Report.Ms(m.P50)} | {Report.Ms(m.P99)} | {m.Count:N0} |");
        }
        md.AppendLine();
        md.AppendLine("| target | goal | measured | |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var (what, goal, measured, met) in Targets(results))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {goal} | {measured} | {(met ? "met" : "**missed**")} |");
        }
        return md.ToString();
    }

    /// <summary>Replaces the Reports section of an existing benchmarks page (or appends it), leaving the rest as it was.</summary>
    public static string Patch(string page, string section) => Sections.Replace(page, "## Reports", section);

    private static List<(string What, string Goal, string Measured, bool Met)> Targets(Results results)
    {
        Measurement Of(string name) => results.Measurements.Single(m => m.Name == name);
        var noContact = Of(NoContact);
        var byArea = Of(DensityByArea);
        var perFamily = Of(DensityPerFamily);
        return
        [
            ("Families without contact, whole county, p99", "≤ 250 ms", Report.Ms(noContact.P99), noContact.P99 <= 250),
            ("Density by area, whole county, p99", "≤ 500 ms", Report.Ms(byArea.P99), byArea.P99 <= 500),
            ("Density for every family, whole county, p99", "≤ 5 s", Report.Ms(perFamily.P99), perFamily.P99 <= 5000),
        ];
    }

    private static async Task<bool> HasReportsSchemaAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) >= 3;
    }

    private static async Task<Measurement> TimeAsync<T>(string name, int count, Func<Task<T>> call)
    {
        // A few calls first, so the page cache and the JIT are warm; one for the slow, filtered reports.
        for (var i = 0; i < (count >= 20 ? 3 : 1); i++)
        {
            await call();
        }
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Measurement.Of(name, times);
    }
}
