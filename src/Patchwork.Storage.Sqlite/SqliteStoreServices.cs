using Microsoft.Extensions.DependencyInjection;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

public static class SqliteStoreServices
{
    /// <summary>The name the embedded store is configured by, and the key its ports are registered under.</summary>
    public const string Provider = "sqlite";

    /// <summary>
    /// Registers the embedded store and, keyed by <see cref="Provider"/>, all of its ports. It is built on first use,
    /// on the file <paramref name="options"/> names, with the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, Func<IServiceProvider, SqliteStoreOptions> options)
    {
        services.AddSingleton(sp => new SqliteNetworkStore(options(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(Provider, (sp, _) =>
        {
            var store = sp.GetRequiredService<SqliteNetworkStore>();
            return StorePorts.Of(store, store.Merging);
        });
        return services;
    }
}
