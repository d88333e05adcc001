using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Patchwork.Api.Tests;

/// <summary>Runs the built API as its own process, as an operator would start it.</summary>
internal static class ApiProcess
{
    /// <summary>The folder holding Patchwork.sln, above this test build.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The API's build output beside this test build (same configuration and framework).</summary>
    public static string AssemblyPath
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            return Path.Combine(RepositoryRoot, "src", "Patchwork.Api", "bin", configuration, framework, "Patchwork.Api.dll");
        }
    }

    /// <summary>Starts the API with these environment variables and arguments and waits (at most a minute) for it to exit.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// Starts the API and kills it (SIGKILL, no chance to clean up) at the first line of its output that
    /// <paramref name="killAt"/> picks; answers whether it was killed before it exited by itself, and what it printed.
    /// </summary>
    public static async Task<(bool Killed, string Output)> RunAndKillAsync(Dictionary<string, string> environment,
        Func<string, bool> killAt, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        var killed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            if (killAt(line))
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        return (killed, output + await stderr);
    }

    /// <summary>
    /// Starts the API as a server on a free loopback port (given as <c>--urls</c>, so the environment stays exactly
    /// <paramref name="environment"/>) and waits until <c>/health/ready</c> answers 200; fails with what it printed if
    /// it exits or is not ready within 90 s. Disposing the answer kills it.
    /// </summary>
    public static async Task<RunningApi> StartServerAsync(Dictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var process = Start(environment, ["--urls", address.ToString().TrimEnd('/')]);
        var api = new RunningApi(process, address);
        try
        {
            await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private static Process Start(Dictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [AssemblyPath, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        // The app reads its settings from variables like these; only the given ones count, not the test run's own.
        foreach (var inherited in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return Process.Start(start)!;
    }

    private static bool IsAppSetting(string variable) =>
        variable.Contains("__", StringComparison.Ordinal)
        || variable.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || variable.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Patchwork.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("No Patchwork.sln above the test build.");
    }
}

/// <summary>The API running as a server process; what it printed is kept for a failure's message.</summary>
internal sealed class RunningApi : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public RunningApi(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public Uri GraphQL => new(BaseAddress, "graphql");

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

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
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
            await Task.Delay(250);
        }
        var why = _process.HasExited ? $"exited with {_process.ExitCode}" : $"was not ready within {timeout.TotalSeconds} s";
        throw new InvalidOperationException($"The API at {BaseAddress} {why}. It printed:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
