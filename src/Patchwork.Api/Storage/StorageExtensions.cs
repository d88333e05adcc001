using Microsoft.Extensions.Options;
using Patchwork.Changes;
using Patchwork.Ports;
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
        services.AddSqliteStore(sp => sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
        services.AddNeo4jStore(sp => sp.GetRequiredService<IOptions<Neo4jOptions>>().Value);
        // The configured store's ports, each registered for its own users; only the selected store is ever built.
        services.AddSingleton(sp => sp.GetRequiredKeyedService<StorePorts>(ProviderKey(sp)));
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Directory);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Batches);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Queries);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Reach);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Writes);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Reports);
        services.AddSingleton(sp => sp.GetRequiredService<StorePorts>().Lifecycle);
        services.AddSingleton<NetworkChanges>();
        return services;
    }

    /// <summary>Opens the store and brings its schema up to date before the first request is served.</summary>
    public static Task InitializePatchworkStorageAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IStoreLifecycle>().InitializeAsync(cancellationToken);

    // Reading the options validates them, so an unknown provider is refused with StorageOptions' own message.
    private static string ProviderKey(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsNeo4j ? Neo4jStoreServices.Provider : SqliteStoreServices.Provider;

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
