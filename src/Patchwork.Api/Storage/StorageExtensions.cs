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
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteNetworkStore(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SqliteStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<INetworkStore>(sp => sp.GetRequiredService<SqliteNetworkStore>());
        services.AddSingleton<INetworkBulkImport>(sp => sp.GetRequiredService<SqliteNetworkStore>());
        return services;
    }

    /// <summary>Opens the store and applies its migrations before the first request is served.</summary>
    public static Task InitializePatchworkStorageAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SqliteNetworkStore>().InitializeAsync(cancellationToken);
}
