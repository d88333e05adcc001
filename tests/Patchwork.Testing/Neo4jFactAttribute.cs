using Xunit;

namespace Patchwork.Testing;

/// <summary>A test that needs the run's Neo4j (<see cref="TestNeo4j"/>): skipped, with the reason, when there is none.</summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute() => Skip = TestNeo4j.UnavailableReason;
}

/// <summary>A test that stops and starts a Neo4j server of its own, so it needs the local one (<see cref="LocalNeo4jServer"/>).</summary>
public sealed class LocalNeo4jFactAttribute : FactAttribute
{
    public LocalNeo4jFactAttribute() =>
        Skip = LocalNeo4jServer.UnavailableReason is { } reason ? $"No local Neo4j server to stop and start: {reason}" : null;
}
