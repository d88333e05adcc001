using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using Patchwork.Storage.Tests.Contract;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The Neo4j server the contract suite runs against: the one named by <c>PATCHWORK_TEST_NEO4J_URI</c> (with
/// <c>PATCHWORK_TEST_NEO4J_USER</c>, <c>PATCHWORK_TEST_NEO4J_PASSWORD</c>, <c>PATCHWORK_TEST_NEO4J_DATABASE</c>),
/// else a <c>neo4j:5.26-community</c> container started through Testcontainers when a Docker engine answers,
/// else none — and then <see cref="UnavailableReason"/> says why, and every Neo4j contract test shows as skipped.
/// </summary>
public sealed class Neo4jTestServer : IStoreServer
{
    public const string UriVariable = "PATCHWORK_TEST_NEO4J_URI";
    private const string Image = "neo4j:5.26-community";
    private const string ContainerPassword = "patchwork-contract";

    private static readonly Lazy<(IContainer? Container, string? Reason)> Container = new(BuildContainer);
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static Neo4jOptions? _options;

    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } ? null : Container.Value.Reason;

    /// <summary>The server's options, starting the container the first time they are asked for.</summary>
    public static async Task<Neo4jOptions> OptionsAsync()
    {
        await Starting.WaitAsync();
        try
        {
            return _options ??= await ConnectAsync();
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

    private static async Task<Neo4jOptions> ConnectAsync()
    {
        if (Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } uri)
        {
            return new Neo4jOptions
            {
                Uri = uri,
                User = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_USER") ?? "neo4j",
                Password = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_PASSWORD"),
                Database = Environment.GetEnvironmentVariable("PATCHWORK_TEST_NEO4J_DATABASE") ?? "neo4j",
            };
        }
        var container = Container.Value.Container ?? throw new InvalidOperationException(Container.Value.Reason);
        await container.StartAsync();
        return new Neo4jOptions
        {
            Uri = $"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}",
            User = "neo4j",
            Password = ContainerPassword,
        };
    }

    private static (IContainer?, string?) BuildContainer()
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
            return (null, $"No Neo4j server: {UriVariable} is not set and Testcontainers found no Docker engine ({e.Message.Split('\n')[0].Trim()})");
        }
    }
}
