using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Tests.Contract;
using Patchwork.Testing;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The shared contract suite against Neo4j. A server holds one network, so each test's first store starts from the
/// run's server emptied, and a second store (the target of a copy) from a second server emptied; the Neo4j classes
/// share one xunit collection so they never run at the same time.
/// </summary>
[RequiresStoreServer<Neo4jTestServer>]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jNetworkStoreTests : NetworkStoreContract<Neo4jNetworkStore>, IDisposable
{
    private readonly List<Neo4jNetworkStore> _stores = [];

    protected override async Task<Neo4jNetworkStore> CreateStoreAsync()
    {
        var options = _stores.Count switch
        {
            0 => await TestNeo4j.OptionsAsync(),
            1 => await TestNeo4j.SecondOptionsAsync(),
            _ => throw new InvalidOperationException("A Neo4j contract test can hold at most two stores at once."),
        };
        await TestNeo4j.WipeAsync(options);
        var store = new Neo4jNetworkStore(options, Time);
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jRun>
{
    public const string Name = "Neo4j server";
}
