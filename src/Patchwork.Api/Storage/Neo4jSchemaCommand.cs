using Microsoft.Extensions.Options;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Neo4j.Http;

namespace Patchwork.Api.Storage;

/// <summary>
/// <c>neo4j-schema</c>: applies the graph schema migrations (<c>cypher/schema/</c>) to the configured Neo4j database
/// and says which versions it applied — what start-up does anyway, for a deployment step before the service starts.
/// </summary>
public static class Neo4jSchemaCommand
{
    public static bool IsRequested(string[] args) => args is ["neo4j-schema", ..];

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<StorageOptions>>().Value.IsNeo4j)
        {
            await Console.Error.WriteLineAsync("neo4j-schema needs Storage:Provider=neo4j and the Neo4j settings.");
            return 2;
        }
        // Reports a misconfiguration with what to set, before any request is made.
        _ = services.GetRequiredService<IOptions<Neo4jOptions>>().Value;
        IReadOnlyList<int> applied;
        try
        {
            applied = await services.GetRequiredService<Neo4jNetworkStore>().InitializeAsync(cancellationToken);
        }
        catch (Neo4jException failure)
        {
            await Console.Error.WriteLineAsync($"The Neo4j schema was not applied: {failure.Message}");
            return 1;
        }
        Console.WriteLine(applied.Count == 0
            ? "The Neo4j schema is up to date."
            : $"Applied Neo4j schema version(s) {string.Join(", ", applied)}.");
        return 0;
    }
}
