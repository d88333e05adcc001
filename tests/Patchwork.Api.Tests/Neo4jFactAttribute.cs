using Patchwork.Testing;

namespace Patchwork.Api.Tests;

/// <summary>A test that needs the run's Neo4j server: skipped, with every way tried and why it failed, when there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute() => Skip = TestNeo4j.UnavailableReason;
}
