using System.Diagnostics.CodeAnalysis;
using GraphQL.DataLoader;

namespace Patchwork.Api.GraphQL.Loaders;

/// <summary>
/// Collects the keys that one level of a GraphQL answer asks for and fetches them in one store call when
/// the first of them is awaited (the executor defers <see cref="IDataLoaderResult"/> fields until a level is
/// laid out). Each request has its own loaders, so nothing is cached across requests or users.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Only WaitAsync is used, so the semaphore never allocates a handle to dispose.")]
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _pending = [];
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly Lock _gate = new();

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }
        return new Pending(this, key);
    }

    /// <summary>
    /// Supplies a value this request has already read (for example with its reach check), so loading the key needs
    /// no store call. A key already loaded keeps its value: what a field has seen does not change under it.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_loaded.TryAdd(key, value))
            {
                _pending.Remove(key);
            }
        }
    }

    /// <summary>Loads several keys in one batch and returns the values found, in key order.</summary>
    public async Task<IReadOnlyList<TValue>> LoadManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
    {
        var pending = keys.Select(Load).ToList();
        var values = await Task.WhenAll(pending.Select(p => p.GetResultAsync(cancellationToken)));
        return [.. values.Where(v => v is not null)];
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (TryGetLoaded(key, out var value))
            {
                return value;
            }
            await FetchPendingAsync(key, cancellationToken);
            return TryGetLoaded(key, out value) ? value : missing;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task FetchPendingAsync(TKey key, CancellationToken cancellationToken)
    {
        TKey[] keys;
        lock (_gate)
        {
            _pending.Add(key);
            keys = [.. _pending];
            _pending.Clear();
        }
        var fetched = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var k in keys)
            {
                _loaded[k] = fetched.TryGetValue(k, out var v) ? v : missing;
            }
        }
    }

    private bool TryGetLoaded(TKey key, out TValue value)
    {
        lock (_gate)
        {
            return _loaded.TryGetValue(key, out value!);
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
            loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
