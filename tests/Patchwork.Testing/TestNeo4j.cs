using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;

namespace Patchwork.Testing;

/// <summary>
/// The one Neo4j server a test run uses, found as a user's machine would offer it: the server named by
/// <c>PATCHWORK_TEST_NEO4J_URI</c> (with <c>_USER</c>, <c>_PASSWORD</c>, <c>_DATABASE</c>); else a local server
/// started from <c>shared/neo4j</c> when it and Java 17/21 are there; else a <c>neo4j:5.26-community</c> container
/// through Testcontainers when a Docker engine answers; else none, and <see cref="UnavailableReason"/> says why.
/// A server the run starts is started once, on first use, and ended by <see cref="End"/>.
/// </summary>
public static class TestNeo4j
{
    public const string UriVariable = "PATCHWORK_TEST_NEO4J_URI";
    public const string Image = "neo4j:5.26-community";
    private const string ContainerPassword = "patchwork-contract";

    private static readonly Lazy<string?> DockerReason = new(() => TryBuildContainer().Reason);
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static readonly Neo4jOptions?[] Servers = new Neo4jOptions?[2];
    private static readonly List<LocalNeo4jServer> Started = [];

    private static string? NamedUri => Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } uri ? uri : null;

    /// <summary>Null when a server can be had, without starting one; otherwise every way tried and why it failed.</summary>
    public static string? UnavailableReason =>
        NamedUri is not null || LocalNeo4jServer.UnavailableReason is null || DockerReason.Value is null
            ? null
            : $"No Neo4j server: {UriVariable} is not set, a local server cannot start ({LocalNeo4jServer.UnavailableReason}) " +
              $"and {DockerReason.Value}";

    /// <summary>The run's server, started the first time it is asked for.</summary>
    public static Task<Neo4jOptions> OptionsAsync() => ServerAsync(0);

    /// <summary>
    /// A second server, for a test that holds two networks at once (a copy from one store into another): Neo4j
    /// Community has one database per server. Always one the run starts itself, never the named one.
    /// </summary>
    public static Task<Neo4jOptions> SecondOptionsAsync() => ServerAsync(1);

    private static async Task<Neo4jOptions> ServerAsync(int index)
    {
        await Starting.WaitAsync();
        try
        {
            return Servers[index] ??= index == 0 && NamedUri is { } uri ? Named(uri) : await StartAsync();
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>
    /// Ends the servers this run started, at once (they are throwaway), and removes their folders. Called when the
    /// last test that needs them is done (<see cref="Neo4jRun"/>); should the run die first, each server stops itself when
    /// this process ends, and the next run removes its folder.
    /// </summary>
    public static void End()
    {
        Starting.Wait();
        try
        {
            Started.ForEach(server => server.Discard());
            Started.Clear();
            Array.Clear(Servers);
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>Removes the whole network and audit trail, keeping the applied schema: each test starts empty.</summary>
    public static async Task WipeAsync(Neo4jOptions options)
    {
        using var client = new QueryApiClient(options);
        await client.WriteImplicitAsync(new StatementCall("test/wipe",
            "MATCH (n) WHERE NOT n:SchemaVersion CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
            new Dictionary<string, object?>()), CancellationToken.None);
    }

    private static Neo4jOptions Named(string uri) => new()
    {
        Uri = uri,
        User = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_USER") ?? "neo4j",
        Password = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_PASSWORD"),
        Database = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_DATABASE") ?? "neo4j",
    };

    private static async Task<Neo4jOptions> StartAsync()
    {
        if (LocalNeo4jServer.UnavailableReason is null)
        {
            var server = await LocalNeo4jServer.StartAsync();
            Started.Add(server);
            return server.Options;
        }
        var container = TryBuildContainer().Container
            ?? throw new InvalidOperationException(UnavailableReason ?? "No Neo4j server can be started here: set " + UriVariable);
        await container.StartAsync();
        return new Neo4jOptions
        {
            Uri = $"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}",
            User = "neo4j",
            Password = ContainerPassword,
        };
    }

    private static (IContainer? Container, string? Reason) TryBuildContainer()
    {
        try
        {
            var container = new ContainerBuilder(Image)
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7474, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(7474).ForPath("/")))
                .Build();
            return (container, null);
        }
        catch (DockerUnavailableException e)
        {
            return (null, $"Testcontainers found no Docker engine ({e.Message.Split('\n')[0].Trim()})");
        }
    }
}
