using System.Diagnostics;

namespace Patchwork.Api.Tests;

/// <summary>Runs the built API as its own process, as an operator would start it.</summary>
internal static class ApiProcess
{
    /// <summary>The API's build output beside this test build (same configuration and framework).</summary>
    public static string AssemblyPath
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            var repository = output;
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Patchwork.sln")))
            {
                repository = repository.Parent;
            }
            return Path.Combine(repository!.FullName, "src", "Patchwork.Api", "bin", configuration, framework, "Patchwork.Api.dll");
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
        var output = new System.Text.StringBuilder();
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

    private static Process Start(Dictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [AssemblyPath, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return Process.Start(start)!;
    }
}
