using Microsoft.Extensions.Options;
using Patchwork.Changes;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Api.Storage;

public static class StorageExtensions
{
    /// <summary>The network store named by Storage:Provider, with its own options section.</summary>
    public static IServiceCollection AddPatchworkStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SqliteStoreOptions>()
            .BindConfiguration($"{StorageOptions.Section}:Sqlite")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Set Storage:Sqlite:Path to the database file.")
            .ValidateOnStart();
        services.AddOptions<Neo4jOptions>()
            .BindConfiguration(Neo4jOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteNetworkStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Neo4jNetworkStore(
            sp.GetRequiredService<IOptions<Neo4jOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<INetworkStore>(sp => (INetworkStore)Selected(sp));
        services.AddSingleton<INetworkBulkImport>(sp => (INetworkBulkImport)Selected(sp));
        services.AddSingleton<IWriteStore>(sp => (IWriteStore)Selected(sp));
        services.AddSingleton<NetworkChanges>();
        return services;
    }

    /// <summary>Opens the store and brings its schema up to date before the first request is served.</summary>
    public static async Task InitializePatchworkStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (Selected(services))
        {
            case Neo4jNetworkStore neo4j:
                await neo4j.InitializeAsync(cancellationToken);
                break;
            case SqliteNetworkStore sqlite:
                await sqlite.InitializeAsync(cancellationToken);
                break;
        }
    }

    private static object Selected(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsNeo4j
            ? services.GetRequiredService<Neo4jNetworkStore>()
            : services.GetRequiredService<SqliteNetworkStore>();

    /// <summary>The Neo4j settings are checked only when Neo4j is the store: the embedded default needs none.</summary>
    private sealed class Neo4jOptionsValidation(IOptions<StorageOptions> storage) : IValidateOptions<Neo4jOptions>
    {
        public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
        {
            if (!IsNeo4j())
            {
                return ValidateOptionsResult.Skip;
            }
            var failures = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options))
                .Select(r => r.ErrorMessage ?? "").ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        // An unknown provider is reported by StorageOptions' own check, once.
        private bool IsNeo4j()
        {
            try
            {
                return storage.Value.IsNeo4j;
            }
            catch (OptionsValidationException)
            {
                return false;
            }
        }
    }
}
