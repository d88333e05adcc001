using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Patchwork.Resilience.Tests;

/// <summary>
/// The built API running as a process of its own (<c>dotnet Patchwork.Api.dll</c>), as an operator starts it:
/// Development environment, the demo district seeded into a database file in a temporary directory, no rate limit.
/// It can be killed hard and started again on the same file. Disposing kills it and removes the directory.
/// </summary>
public sealed class ApiServer : IDisposable
{
    /// <summary>The key development tokens are signed with, set explicitly so tests can also sign their own.</summary>
    public const string SigningKey = "patchwork-resilience-tests-signing-key-0123456789";

    public const string Issuer = "patchwork-development";

    public const string Audience = "patchwork-api";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "patchwork-resilience", Guid.NewGuid().ToString("N"));
    private readonly ProcessOutput _output = new();
    private Process? _process;

    public ApiServer() => Directory.CreateDirectory(_directory);

    public string DatabasePath => Path.Combine(_directory, "patchwork.db");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int Port => BaseAddress.Port;

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The API is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Lines the API logged at error level or above, and a tail of everything it wrote.</summary>
    public ProcessOutput Output => _output;

    /// <summary>Starts the API on a free loopback port and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The API is already running.");
        }
        // A port found free can be taken by someone else before the API binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            _process = Launch();
            if (await WaitUntilReadyAsync(_process))
            {
                return;
            }
            var exited = _process.HasExited;
            Kill();
            if (!exited || attempt == 3)
            {
                throw new InvalidOperationException(
                    $"The API did not become ready at {BaseAddress} within {StartTimeout.TotalSeconds} s. Its output:\n{_output.Tail()}");
            }
        }
    }

    /// <summary>Ends the process at once (SIGKILL on Linux): no shutdown hooks, no flushing, no disposal.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>The server's resident memory (VmRSS in /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("/proc/<pid>/status has no VmRSS line.");
    }

    public HttpClient CreateClient(TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = BaseAddress,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>A real token for a demo account, from the development sign-in endpoint.</summary>
    public static async Task<string> TokenForAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/dev/token", new { email });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>The demo accounts: email, role and practitioner id.</summary>
    public static async Task<IReadOnlyList<DemoUser>> DemoUsersAsync(HttpClient client)
    {
        var users = await client.GetFromJsonAsync<List<DemoUser>>("/dev/users");
        return users ?? [];
    }

    /// <summary>A connection of its own to the database file, for checks beside the API.</summary>
    public SqliteConnection OpenDatabase() =>
        new(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());

    public void Dispose()
    {
        Kill();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the directory is under the system temporary directory.
        }
    }

    private Process Launch()
    {
        var assembly = ApiAssembly.Path;
        var start = new ProcessStartInfo(DotnetHost(), [assembly])
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Storage__Sqlite__Path"] = DatabasePath;
        start.Environment["Demo__Seed"] = "true";
        start.Environment["RateLimit__PermitsPerMinute"] = "0";
        start.Environment["Auth__DevelopmentSigningKey"] = SigningKey;
        start.Environment["Auth__DevelopmentIssuer"] = Issuer;
        start.Environment["Auth__Audience"] = Audience;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => _output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => _output.Add(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitUntilReadyAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        return false;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record DemoUser(string Email, string Role, string? PractitionerId);

/// <summary>Where the built API is: beside this test build, or failing that in the API project's own output.</summary>
internal static class ApiAssembly
{
    private const string FileName = "Patchwork.Api.dll";

    public static string Path { get; } = Find();

    private static string Find()
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(beside) && File.Exists(System.IO.Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent?.Name ?? "Debug");
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "src", "Patchwork.Api", "bin", configuration, framework, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Cannot find {FileName}: build src/Patchwork.Api first.");
    }
}

/// <summary>What the API process writes: a bounded tail, and every line logged at error level or above.</summary>
public sealed class ProcessOutput
{
    private const int TailLines = 200;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();

    private bool _errorContinues;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
            // Serilog's console format: "[13:28:06 ERR] message", then the exception's type and message on the next line.
            if (line.Contains(" ERR] ", StringComparison.Ordinal) || line.Contains(" FTL] ", StringComparison.Ordinal))
            {
                _errors.Add(line);
                _errorContinues = true;
            }
            else if (_errorContinues && !line.StartsWith('[') && !line.StartsWith("   at ", StringComparison.Ordinal))
            {
                _errors[^1] += " | " + line;
                _errorContinues = false;
            }
            else
            {
                _errorContinues = false;
            }
        }
    }

    public IReadOnlyList<string> ErrorLines()
    {
        lock (_gate)
        {
            return [.. _errors];
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }
}
