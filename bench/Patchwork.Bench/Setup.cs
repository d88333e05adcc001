using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Patchwork.Bench;

/// <summary>What a run measures: how long each load runs, and which database it runs on.</summary>
internal sealed record BenchOptions(
    string Database, int Seed, TimeSpan Duration, bool Reseed, bool ReportsOnly = false, bool ApiOnly = false, bool Doorstep = false,
    bool Neo4j = false)
{
    public const string Usage = """
        bench/run [--duration SECONDS] [--db PATH] [--reseed] [--seed N] [--reports | --api | --doorstep | --store neo4j]
          --duration  how long each wrk run lasts (default 10)
          --db        the county database (default bench/data/county.db; seeded when missing)
          --reseed    seed the county database again even if it exists (to time the seed); with --store neo4j, load it
                      into Neo4j again too
          --seed      the generator's and the sampler's seed (default 1802)
          --reports   only the analysts' and commissioners' reports; rewrites the Reports section of docs/benchmarks.md
          --api       only the API's family-team runs (one connection and saturation), printed; nothing is written
          --doorstep  only the family team's tail alone and beside four analysts running reports; rewrites that section
          --store     neo4j: the county moved into a local Neo4j server (bench/data/neo4j, reused), measured beside
                      SQLite in the same run; rewrites the Neo4j section. sqlite (the default): everything else above
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var database = Path.Combine(Paths.Find().DataDirectory, "county.db");
        int seed = 1802, seconds = 10;
        bool reseed = false, reportsOnly = false, apiOnly = false, doorstep = false, neo4j = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null:
                    database = Path.GetFullPath(value);
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--duration" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds) && seconds is >= 2 and <= 120:
                    i++;
                    break;
                case "--reseed":
                    reseed = true;
                    break;
                case "--reports":
                    reportsOnly = true;
                    break;
                case "--api":
                    apiOnly = true;
                    break;
                case "--doorstep":
                    doorstep = true;
                    break;
                case "--store" when value is "sqlite" or "neo4j":
                    neo4j = value == "neo4j";
                    i++;
                    break;
                default:
                    return null;
            }
        }
        var modes = new[] { reportsOnly, apiOnly, doorstep, neo4j }.Count(m => m);
        return modes > 1 ? null : new BenchOptions(database, seed, TimeSpan.FromSeconds(seconds), reseed, reportsOnly, apiOnly, doorstep, neo4j);
    }
}

/// <summary>Where the repository, the built API and the built baseline host are.</summary>
internal sealed record Paths(string Root)
{
    public string DataDirectory => Path.Combine(Root, "bench", "data");

    public string ApiDll => Path.Combine(Root, "src", "Patchwork.Api", "bin", "Release", "net10.0", "Patchwork.Api.dll");

    public string ApiContentRoot => Path.Combine(Root, "src", "Patchwork.Api");

    public string BaselineDll =>
        Path.Combine(Root, "bench", "Patchwork.Bench.Baseline", "bin", "Release", "net10.0", "Patchwork.Bench.Baseline.dll");

    public static Paths Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Patchwork.sln")))
            {
                return new Paths(directory.FullName);
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the Patchwork repository (bench/run).");
    }
}

/// <summary>The machine the figures were taken on.</summary>
internal sealed record Machine(string Cpu, int Cores, double MemoryGiB, string System, string Runtime, string Wrk, string LoadAverage)
{
    public static Machine Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "unknown CPU";
        var memoryKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = memoryKb is null ? 0 : double.Parse(memoryKb, CultureInfo.InvariantCulture) / (1024 * 1024);
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?
            .Split('=', 2)[1].Trim('"') ?? Environment.OSVersion.ToString();
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? "";
        var wrk = Shell.Run("wrk", "-v").Split('\n').FirstOrDefault(l => l.StartsWith("wrk", StringComparison.Ordinal))?.Trim() ?? "wrk (version unknown)";
        return new Machine(cpu, Environment.ProcessorCount, memory, $"{os}, Linux {kernel}",
            $".NET {Environment.Version}", wrk, CurrentLoadAverage());
    }

    public static string CurrentLoadAverage() =>
        string.Join(" ", (ReadLines("/proc/loadavg").FirstOrDefault() ?? "").Split(' ').Take(3));

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

/// <summary>The county database: seeded by the API's own seed command when missing, and how that went.</summary>
internal sealed record Seeding(TimeSpan? Took, long Bytes, string Summary, DateTimeOffset SeededAt)
{
    public string Describe() =>
        $"{Bytes / 1e9:F2} GB; {(Took is { } took ? $"seeded in {took.TotalSeconds:F0} s" : "seed time not recorded")}; {Summary}";

    public static async Task<Seeding> EnsureCountyAsync(Paths paths, BenchOptions options)
    {
        var record = options.Database + ".seed.json";
        if (!options.Reseed && File.Exists(options.Database) && File.Exists(record))
        {
            var kept = JsonSerializer.Deserialize<Seeding>(await File.ReadAllTextAsync(record))!;
            return kept with { Bytes = new FileInfo(options.Database).Length };
        }
        Directory.CreateDirectory(Path.GetDirectoryName(options.Database)!);
        foreach (var file in new[] { options.Database, options.Database + "-wal", options.Database + "-shm" })
        {
            File.Delete(file);
        }
        Console.WriteLine($"Seeding the county into {options.Database} with the API's seed command …");
        var clock = Stopwatch.StartNew();
        var (exitCode, lastLine) = await Shell.RunToConsoleAsync("dotnet",
            [paths.ApiDll, "seed", "--size", "county", "--seed", options.Seed.ToString(CultureInfo.InvariantCulture)],
            paths.ApiContentRoot,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__Sqlite__Path"] = options.Database,
            });
        clock.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The seed command failed (exit code {exitCode}): {lastLine}");
        }
        var seeding = new Seeding(clock.Elapsed, new FileInfo(options.Database).Length, lastLine, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(record, JsonSerializer.Serialize(seeding));
        return seeding;
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public static void CopyDatabase(string from, string to)
    {
        // A fresh clone has no bench/data (it is not in git), and --db may name a database kept elsewhere.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
        foreach (var file in new[] { to, to + "-wal", to + "-shm" })
        {
            File.Delete(file);
        }
        File.Copy(from, to);
    }
}

internal static class Shell
{
    /// <summary>Runs a short command and returns what it printed (both streams).</summary>
    public static string Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    /// <summary>Runs a command with its output shown as it comes, and returns its exit code and last line.</summary>
    public static async Task<(int ExitCode, string LastLine)> RunToConsoleAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var last = "";
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"  {line}");
            last = line.Length > 0 ? line : last;
        }
        await process.WaitForExitAsync();
        return (process.ExitCode, last);
    }
}
