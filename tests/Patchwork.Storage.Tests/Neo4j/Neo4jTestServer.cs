using Patchwork.Storage.Tests.Contract;
using Patchwork.Testing;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>The contract suite's Neo4j: the test run's server (<see cref="TestNeo4j"/>), or the reason there is none.</summary>
public sealed class Neo4jTestServer : IStoreServer
{
    public static string? UnavailableReason => TestNeo4j.UnavailableReason;
}
