using Microsoft.Extensions.DependencyInjection;
using Patchwork.Ports;

namespace Patchwork.Storage.Neo4j;

public static class Neo4jStoreServices
{
    /// <summary>The name the Neo4j store is configured by, and the key its ports are registered under.</summary>
    public const string Provider = "neo4j";

    /// <summary>
    /// Registers the Neo4j store and, keyed by <see cref="Provider"/>, all of its ports. It is built on first use, with
    /// the server <paramref name="options"/> names and the registered <see cref="TimeProvider"/>. Its bulk import
    /// always merges by id, so it is its own merging import.
    /// </summary>
    public static IServiceCollection AddNeo4jStore(this IServiceCollection services, Func<IServiceProvider, Neo4jOptions> options)
    {
        services.AddSingleton(sp => new Neo4jNetworkStore(options(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(Provider, (sp, _) =>
        {
            var store = sp.GetRequiredService<Neo4jNetworkStore>();
            return StorePorts.Of(store, store);
        });
        return services;
    }
}
