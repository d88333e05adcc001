using Patchwork.Storage.Sqlite;
using Patchwork.Storage.Tests.Contract;

namespace Patchwork.Storage.Tests;

/// <summary>The contract, run against the embedded store on a real SQLite file.</summary>
public sealed class SqliteNetworkStoreTests : NetworkStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteNetworkStore> _stores = [];

    protected override async Task<INetworkStore> CreateStoreAsync()
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = _directory.File($"store-{_stores.Count}.db") }, Time);
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
        _directory.Dispose();
    }
}
