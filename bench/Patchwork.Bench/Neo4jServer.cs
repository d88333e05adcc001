using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Patchwork.Storage.Neo4j;

namespace Patchwork.Bench;

/// <summary>How the county came into a Neo4j server folder: the move's time and output, and what it was moved from.</summary>
internal sealed record Neo4jLoad(TimeSpan Took, string Summary, string Source, DateTimeOffset SourceSeededAt, DateTimeOffset LoadedAt);

/// <summary>
/// A real Neo4j server (<c>shared/neo4j</c> beside the repository) whose files all live in one folder under bench/data,
/// kept between runs with the county loaded into it, as the county database itself is kept. Stopped when disposed;
/// and by the launcher when this process dies, so a crashed run leaves no server behind.
/// </summary>
internal sealed class Neo4jServer : IAsyncDisposable
{
    private const string RecordFile = "load.json";

    private readonly string _launcher;
    private readonly IReadOnlyDictionary<string, string> _values;

    private Neo4jServer(string launcher, string directory, string heap, string pageCache, IReadOnlyDictionary<string, string> values)
    {
        (_launcher, Directory, Heap, PageCache, _values) = (launcher, directory, heap, pageCache, values);
        Options = new Neo4jOptions
        {
            Uri = values["NEO4J_HTTP_URI"],
            User = values["NEO4J_USER"],
            Password = values["NEO4J_PASSWORD"],
            // The slowest reports over a whole county take tens of seconds on 2 shared cores.
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public string Directory { get; }

    /// <summary>The server's Java heap and page cache, as given to <c>start</c> (NEO4J_HEAP, NEO4J_PAGECACHE).</summary>
    public string Heap { get; }

    public string PageCache { get; }

    public Neo4jOptions Options { get; }

    /// <summary>The county's load into this server, from the record kept beside its data; null until loaded.</summary>
    public Neo4jLoad? Load { get; private set; }

    /// <summary>The settings that put the API (or its move command) on this server.</summary>
    public ApiStore ApiStore => new("neo4j", new Dictionary<string, string>
    {
        ["Storage__Provider"] = "neo4j",
        ["Neo4j__Uri"] = Options.Uri!,
        ["Neo4j__User"] = Options.User!,
        ["Neo4j__Password"] = Options.Password!,
    });

    /// <summary>The folder of the server that holds <paramref name="database"/>'s data: one per database, so a small one tried out leaves the county's alone.</summary>
    public static string DirectoryFor(Paths paths, string database) =>
        Path.Combine(paths.DataDirectory, Path.GetFileName(database) == "county.db" ? "neo4j" : $"neo4j-{Path.GetFileNameWithoutExtension(database)}");

    /// <summary>
    /// Starts the server on its folder. A folder whose record says it holds this database's load (same file, same seed)
    /// is started as it is; any other, or every one with <paramref name="reload"/>, is emptied first.
    /// </summary>
    public static async Task<Neo4jServer> StartAsync(Paths paths, string database, Seeding seeding, bool reload)
    {
        var launcher = FindLauncher(paths);
        var directory = DirectoryFor(paths, database);
        await RunAsync(launcher, "stop", directory, new Dictionary<string, string>()); // one left by a killed run
        var kept = reload ? null : await ReadRecordAsync(directory);
        if (kept is null || kept.Source != database || kept.SourceSeededAt != seeding.SeededAt)
        {
            kept = null;
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        // The county's store is about 2.3 GB on disk (store files and range indexes, all read through the page cache):
        // 3 GB holds all of it with room to grow; the heap holds one import transaction and a report's aggregation.
        var heap = Environment.GetEnvironmentVariable("NEO4J_HEAP") is { Length: > 0 } h ? h : "2g";
        var pageCache = Environment.GetEnvironmentVariable("NEO4J_PAGECACHE") is { Length: > 0 } p ? p : "3g";
        Console.WriteLine($"Starting Neo4j in {Path.GetRelativePath(paths.Root, directory)} (heap {heap}, page cache {pageCache}) …");
        var printed = await RunAsync(launcher, "start", directory, new Dictionary<string, string>
        {
            ["NEO4J_HEAP"] = heap,
            ["NEO4J_PAGECACHE"] = pageCache,
            ["NEO4J_STOP_WITH"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            // A server that opens a county of several gigabytes can take longer than the default three minutes.
            ["NEO4J_START_TIMEOUT"] = "600",
        });
        var values = printed.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return new Neo4jServer(launcher, directory, heap, pageCache, values) { Load = kept };
    }

    /// <summary>
    /// Loads the county with the API's own <c>move --from sqlite --to neo4j</c>, timed from the command's start to its
    /// exit, unless this server holds it already; the record of the load is kept beside the data.
    /// </summary>
    public async Task<Neo4jLoad> EnsureLoadedAsync(Paths paths, string source, string database, Seeding seeding)
    {
        if (Load is { } kept)
        {
            Console.WriteLine($"Neo4j holds the county already: loaded {kept.LoadedAt:yyyy-MM-dd HH:mm} UTC in {kept.Took.TotalSeconds:F0} s.");
            return kept;
        }
        Console.WriteLine("Loading the county into Neo4j with the API's move command …");
        var environment = new Dictionary<string, string>(ApiStore.Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Sqlite__Path"] = source,
            ["Demo__Seed"] = "false",
        };
        // Storage:Provider names the app's store; the move names both sides itself.
        environment.Remove("Storage__Provider");
        var clock = Stopwatch.StartNew();
        var (exitCode, lastLine) = await Shell.RunToConsoleAsync("dotnet", [paths.ApiDll, "move", "--from", "sqlite", "--to", "neo4j"],
            paths.ApiContentRoot, environment);
        clock.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The move into Neo4j failed (exit code {exitCode}): {lastLine}");
        }
        Load = new Neo4jLoad(clock.Elapsed, lastLine, database, seeding.SeededAt, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(Directory, RecordFile), JsonSerializer.Serialize(Load));
        return Load;
    }

    /// <summary>Bytes on disk of the database's store files and indexes, and of its transaction logs.</summary>
    public (long Store, long TransactionLogs) SizeOnDisk() =>
        (Bytes(Path.Combine(Directory, "data", "databases", "neo4j")), Bytes(Path.Combine(Directory, "data", "transactions", "neo4j")));

    /// <summary>The server process's resident memory now and at its peak (MB, 10^6 bytes), from /proc.</summary>
    public (double Now, double Peak) ResidentMB()
    {
        var status = File.ReadAllLines($"/proc/{_values["NEO4J_PID"]}/status");
        double Field(string name) => status.Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / 1e6)
            .FirstOrDefault();
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        Console.WriteLine("Stopping Neo4j …");
        await RunAsync(_launcher, "stop", Directory, new Dictionary<string, string>());
    }

    private static long Bytes(string directory) => System.IO.Directory.Exists(directory)
        ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;

    private static async Task<Neo4jLoad?> ReadRecordAsync(string directory)
    {
        var record = Path.Combine(directory, RecordFile);
        return File.Exists(record) ? JsonSerializer.Deserialize<Neo4jLoad>(await File.ReadAllTextAsync(record)) : null;
    }

    /// <summary>shared/neo4j in one of the folders above the repository, as the tests find it.</summary>
    private static string FindLauncher(Paths paths)
    {
        for (var folder = new DirectoryInfo(paths.Root); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "neo4j");
            if (File.Exists(Path.Combine(candidate, "start")) && File.Exists(Path.Combine(candidate, "stop")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("--store neo4j needs the Neo4j server in shared/neo4j beside the repository (or a folder above it).");
    }

    private static async Task<string> RunAsync(string launcher, string script, string directory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Path.Combine(launcher, script), [directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"neo4j/{script} could not be run.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"neo4j/{script} {directory} failed ({process.ExitCode}): {await errors}");
    }
}
