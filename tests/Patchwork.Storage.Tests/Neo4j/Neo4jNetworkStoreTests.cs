using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Tests.Contract;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The shared contract suite against Neo4j. The server holds one network, so each store starts from an emptied
/// database, and the Neo4j classes share one xunit collection so they never run at the same time.
/// </summary>
[RequiresStoreServer<Neo4jTestServer>]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jNetworkStoreTests : NetworkStoreContract, IDisposable
{
    private readonly List<Neo4jNetworkStore> _stores = [];

    protected override async Task<INetworkStore> CreateStoreAsync()
    {
        var options = await Neo4jTestServer.OptionsAsync();
        await Neo4jTestServer.WipeAsync(options);
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
public sealed class Neo4jCollection
{
    public const string Name = "Neo4j server";
}
