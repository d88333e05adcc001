using System.Diagnostics;
using Patchwork.Network;

namespace Patchwork.Api.Tests.GraphQLClients;

/// <summary>
/// Runs the node scripts in this folder: the standard GraphQL tools (graphql-js, graphql-http's audits, Apollo Client)
/// at the versions its package-lock.json pins, installed by the test project's build.
/// </summary>
internal static class ClientScripts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Folder { get; } = Path.Combine(ApiProcess.RepositoryRoot, "tests", "Patchwork.Api.Tests", "GraphQLClients");

    /// <summary>Runs <paramref name="script"/> and answers what it printed; a failure fails the test with what it said.</summary>
    public static async Task<string> RunAsync(string script, Dictionary<string, string>? environment = null, string? input = null,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(input ?? "");
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Timeout.TotalMinutes} minutes: {await errors}");
        }
        Assert.True(node.ExitCode == 0, $"node {script} failed ({node.ExitCode}): {await errors}");
        return await output;
    }
}
