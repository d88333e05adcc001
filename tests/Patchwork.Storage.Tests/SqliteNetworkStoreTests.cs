using Patchwork.Ports;
using Patchwork.Storage.Sqlite;
using Patchwork.Storage.Tests.Contract;

namespace Patchwork.Storage.Tests;

/// <summary>The contract, run against the embedded store on a real SQLite file.</summary>
public sealed class SqliteNetworkStoreTests : NetworkStoreContract<SqliteNetworkStore>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteNetworkStore> _stores = [];

    protected override async Task<SqliteNetworkStore> CreateStoreAsync()
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = _directory.File($"store-{_stores.Count}.db") }, Time);
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>The embedded store merges only when asked: its ordinary bulk import refuses rows already there.</summary>
    protected override INetworkBulkImport MergingImport(SqliteNetworkStore store) => store.Merging;

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        _directory.Dispose();
    }
}
