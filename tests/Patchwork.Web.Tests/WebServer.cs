using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Patchwork.Web.Tests;

/// <summary>
/// The built API as its own process (<c>dotnet Patchwork.Api.dll</c>) on a free loopback port: Development
/// environment, the demo district seeded into a database file in a temporary directory, no rate limit. This is the
/// README's run command, minus the fixed port and the database in the source tree.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "patchwork-web-tests", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts the API with extra settings (as environment variables, e.g. <c>Auth__Authority</c>) and waits until it is ready.</summary>
    public async Task StartAsync(string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(_directory);
        var dll = Repository.File("src", "Patchwork.Api", "bin", Repository.Configuration, Repository.Framework, "Patchwork.Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The API is not built at {dll}: build the solution first.");
        }
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(_directory, "patchwork.db");
        start.Environment["Demo__Seed"] = "true";
        start.Environment["RateLimit__PermitsPerMinute"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The API did not become ready at {BaseAddress}. Its output:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>Where things are: the repository root, and this build's configuration and framework.</summary>
internal static class Repository
{
    private static readonly DirectoryInfo Output = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Framework => Output.Name;

    public static string Configuration => Output.Parent!.Name;

    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = Output; directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Patchwork.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The tests must run from a build inside the repository.");
    }
}
