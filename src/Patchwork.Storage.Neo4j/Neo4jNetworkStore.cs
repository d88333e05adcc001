using Patchwork.Ports;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;

namespace Patchwork.Storage.Neo4j;

/// <summary>
/// The production store: the network as a property graph in Neo4j, reached over its HTTP Query API. Reads are
/// implicit READ transactions; every write is one explicit transaction that locks and checks the nodes it depends
/// on (NOT_FOUND, CONFLICT), changes the graph and appends its audit entry, and commits only if all of that
/// succeeded — a rejected write leaves nothing behind. Every statement is a file under <c>cypher/</c>, loaded when
/// the store is built. Call <see cref="InitializeAsync"/> once at start-up to bring the graph schema up to date.
/// </summary>
public sealed partial class Neo4jNetworkStore : IStoreLifecycle, IDisposable
{
    private readonly QueryApiClient _client;
    private readonly CypherCatalogue _cypher;
    private readonly TimeProvider _time;
    private readonly int _rowsPerTransaction;

    public Neo4jNetworkStore(Neo4jOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _rowsPerTransaction = options.ImportRowsPerTransaction;
        _cypher = CypherCatalogue.Load();
        _client = new QueryApiClient(options, handler);
        _time = time;
    }

    /// <summary>Applies the graph schema migrations the database has not recorded yet; returns their versions.</summary>
    public Task<IReadOnlyList<int>> InitializeAsync(CancellationToken cancellationToken) =>
        SchemaMigrations.ApplyAsync(_client, _cypher, Now(), cancellationToken);

    Task IStoreLifecycle.InitializeAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public void Dispose() => _client.Dispose();

    /// <summary>Ready when Neo4j answers and its schema is the one this build expects.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SchemaMigrations.IsCurrentAsync(_client, _cypher, cancellationToken);
        }
        catch (Neo4jException)
        {
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(Statements.IsEmpty, cancellationToken)).Column<bool>("empty").Single();

    /// <summary>Now, at the precision the store keeps (milliseconds, as the embedded store).</summary>
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    private Task<QueryResult> ReadAsync(Statement statement, CancellationToken cancellationToken, params (string, object?)[] values) =>
        _client.ReadAsync(_cypher.Call(statement, values), cancellationToken);


    /// <summary>A write's transaction with the statement catalogue at hand.</summary>
    private sealed class Transaction(QueryApiTransaction transaction, CypherCatalogue cypher, CancellationToken cancellationToken)
    {
        public Task<QueryResult> RunAsync(Statement statement, params (string, object?)[] values) =>
            transaction.RunAsync(cypher.Call(statement, values), cancellationToken);

        /// <summary>The single map a lock or check statement returns, or null when it matched nothing.</summary>
        public async Task<IReadOnlyDictionary<string, object?>?> SingleAsync(Statement statement, string field, params (string, object?)[] values) =>
            (await RunAsync(statement, values)).Maps(field).SingleOrDefault();
    }
}
