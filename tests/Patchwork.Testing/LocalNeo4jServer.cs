using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Patchwork.Storage.Neo4j;

namespace Patchwork.Testing;

/// <summary>
/// A real Neo4j server run from the Neo4j distribution kept beside the repository (<c>shared/neo4j</c> in this
/// folder or one above it), on the machine's Java 17 or 21. Everything it writes lives in its own folder, which is
/// removed when it is disposed; it is stopped too when the test process dies, since the launcher watches our pid.
/// </summary>
public sealed class LocalNeo4jServer : IAsyncDisposable
{
    private static readonly Lazy<string?> Launcher = new(FindLauncher);
    private static readonly Lazy<string?> JavaProblem = new(FindJavaProblem);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "patchwork-neo4j");

    private readonly string _launcher;
    private readonly string? _configuration;
    private int _pid;
    private int _httpPort;
    private int _boltPort;

    private LocalNeo4jServer(string launcher, string directory, string? configuration)
    {
        _launcher = launcher;
        _configuration = configuration;
        Directory = directory;
    }

    /// <summary>The folder holding the server's configuration, data and logs.</summary>
    public string Directory { get; }

    public Neo4jOptions Options { get; private set; } = new();

    /// <summary>Null when a local server can be started here; otherwise what is missing.</summary>
    public static string? UnavailableReason =>
        Launcher.Value is null ? "no shared/neo4j beside the repository" : JavaProblem.Value;

    /// <summary>
    /// The HTTP modules the compose file's server runs with (<c>NEO4J_server_http__enabled__modules</c>), so the tests
    /// run against the server configuration production has; a test holds the two to each other.
    /// </summary>
    public const string HttpModules = "QUERY_API_ENDPOINTS,TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER";

    /// <summary>Starts a fresh, empty server on free loopback ports (about 6 s), with production's HTTP modules.</summary>
    /// <param name="configuration">More <c>neo4j.conf</c> lines, e.g. <c>db.memory.transaction.max=64m</c>.</param>
    public static async Task<LocalNeo4jServer> StartAsync(string? configuration = null)
    {
        configuration = string.Join('\n', new[] { $"server.http_enabled_modules={HttpModules}", configuration }.OfType<string>());
        var launcher = Launcher.Value ?? throw new InvalidOperationException(UnavailableReason);
        System.IO.Directory.CreateDirectory(Root);
        RemoveAbandoned();
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        var server = new LocalNeo4jServer(launcher, directory, configuration);
        await server.StartAsync(ports: []);
        return server;
    }

    /// <summary>Stops the server, keeping its folder, so that <see cref="RestartAsync"/> brings the same database back.</summary>
    public Task StopAsync() => RunAsync("stop", [Directory]);

    /// <summary>Starts the stopped server again on the same folder and ports, as an operator's restart would.</summary>
    public Task RestartAsync() => StartAsync(ports: [_httpPort.ToString(CultureInfo.InvariantCulture), _boltPort.ToString(CultureInfo.InvariantCulture)]);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteDirectory(Directory);
    }

    /// <summary>Ends a throwaway server at once (no clean shutdown) and removes its folder: for the end of a test run.</summary>
    public void Discard()
    {
        try
        {
            using var process = Process.GetProcessById(_pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        DeleteDirectory(Directory);
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying server; the next run's start removes the folder.
        }
    }

    /// <summary>Removes the folders of earlier runs' servers that are no longer running (a run killed before its end).</summary>
    /// <remarks>
    /// Test runs of other worktrees share the folder, so a server is only abandoned when nothing has written to its
    /// folder for a while: one that is still starting has no pid file yet, and one stopped for a restart has a dead one.
    /// </remarks>
    private static void RemoveAbandoned()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root))
        {
            var pidFile = Path.Combine(folder, "neo4j.pid");
            var idle = DateTime.UtcNow - System.IO.Directory.GetLastWriteTimeUtc(folder) > TimeSpan.FromMinutes(10);
            if (idle && (!File.Exists(pidFile) || !IsRunning(File.ReadAllText(pidFile))))
            {
                DeleteDirectory(folder);
            }
        }
    }

    private static bool IsRunning(string pid)
    {
        try
        {
            using var process = Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return false;
        }
    }

    private async Task StartAsync(string[] ports)
    {
        var printed = await RunAsync("start", [Directory, .. ports]);
        var values = printed.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());
        var uri = new Uri(values["NEO4J_HTTP_URI"]);
        _httpPort = uri.Port;
        _boltPort = new Uri(values["NEO4J_BOLT_URI"]).Port;
        _pid = int.Parse(values["NEO4J_PID"], CultureInfo.InvariantCulture);
        Options = new Neo4jOptions { Uri = uri.ToString().TrimEnd('/'), User = values["NEO4J_USER"], Password = values["NEO4J_PASSWORD"] };
    }

    private async Task<string> RunAsync(string script, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(_launcher, script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NEO4J_STOP_WITH"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (_configuration is not null)
        {
            start.Environment["NEO4J_EXTRA_CONF"] = _configuration;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"neo4j/{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
    }

    private static string? FindLauncher()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "neo4j");
            if (File.Exists(Path.Combine(candidate, "start")) && File.Exists(Path.Combine(candidate, "stop")))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string? FindJavaProblem()
    {
        try
        {
            using var java = Process.Start(new ProcessStartInfo("java", "-version") { RedirectStandardError = true, UseShellExecute = false });
            var version = java!.StandardError.ReadToEnd();
            java.WaitForExit();
            var major = Regex.Match(version, "version \"(\\d+)").Groups[1].Value;
            return major is "17" or "21" ? null : $"java on the PATH is version {major}, and Neo4j 5.26 needs 17 or 21";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no java on the PATH (Neo4j 5.26 needs Java 17 or 21: apt-get install -y openjdk-17-jre-headless)";
        }
    }
}
