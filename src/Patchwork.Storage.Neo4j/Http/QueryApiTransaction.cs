using Patchwork.Storage.Neo4j.Cypher;

namespace Patchwork.Storage.Neo4j.Http;

/// <summary>
/// An open explicit transaction: every request goes to its own path with the cluster-affinity header the server
/// gave when it was opened, so a cluster routes it to the member that holds the transaction.
/// </summary>
public sealed class QueryApiTransaction
{
    private readonly QueryApiClient _client;
    private readonly string _path;

    internal QueryApiTransaction(QueryApiClient client, string path, string? affinity)
    {
        _client = client;
        _path = path;
        Affinity = affinity;
    }

    public string? Affinity { get; }

    public Task<QueryResult> RunAsync(StatementCall call, CancellationToken cancellationToken) =>
        _client.RunInTransactionAsync(_path, Affinity, call, cancellationToken);

    internal Task CommitAsync(CancellationToken cancellationToken) => _client.CommitAsync(_path, Affinity, cancellationToken);

    /// <summary>Rolls back, ignoring failure: an expired or unreachable transaction is rolled back by the server anyway.</summary>
    internal async Task RollbackQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.RollbackAsync(_path, Affinity, timeout.Token);
        }
        catch (Neo4jException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
