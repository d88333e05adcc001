using Microsoft.Extensions.Options;
using Patchwork.Api.Storage;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Api.Moving;

/// <summary>
/// One side of a move: a store opened exactly as the app opens it (<see cref="StorageExtensions.AddPatchworkStorage"/>),
/// from the app's configuration with <c>Storage:Provider</c> set to the side's provider and the side's own settings
/// (<c>Move:From:*</c> or <c>Move:To:*</c>, e.g. <c>Move:To:Storage:Sqlite:Path</c>) laid over the rest.
/// </summary>
internal sealed class MoveEnd : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MoveEnd(string provider, IConfiguration settings, ServiceProvider services)
    {
        (Provider, Settings, _services) = (provider, settings, services);
        Store = services.GetRequiredService<StorePorts>();
    }

    public string Provider { get; }

    /// <summary>The side's effective settings: two sides with the same ones are the same store.</summary>
    public IConfiguration Settings { get; }

    /// <summary>
    /// The side's ports: its export, its bulk import for an empty store, and the one for a store that already holds an
    /// earlier copy (rows already there are brought up to date).
    /// </summary>
    public StorePorts Store { get; }

    /// <param name="host">The command's host: its configuration, and its logging, so the store logs where the app does.</param>
    public static async Task<MoveEnd> OpenAsync(
        IServiceProvider host, string side, string provider, CancellationToken cancellationToken)
    {
        var settings = SettingsFor(host.GetRequiredService<IConfiguration>(), side, provider);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(settings)
            .AddSingleton(host.GetRequiredService<ILoggerFactory>())
            .AddLogging()
            .AddPatchworkStorage()
            .BuildServiceProvider();
        try
        {
            // Reading the options validates them, with the messages the app would print at start-up.
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            RefuseMissingSqliteSource(settings, side, provider);
            await services.InitializePatchworkStorageAsync(cancellationToken);
            return new MoveEnd(provider, settings, services);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static IConfigurationRoot SettingsFor(IConfiguration root, string side, string provider)
    {
        var own = root.GetSection($"Move:{side}").AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null);
        return new ConfigurationBuilder()
            .AddConfiguration(root)
            .AddInMemoryCollection(own)
            .AddInMemoryCollection([new($"{StorageOptions.Section}:Provider", provider)])
            .Build();
    }

    /// <summary>Opening a SQLite file that is not there would create an empty one and move nothing: say so instead.</summary>
    private static void RefuseMissingSqliteSource(IConfiguration settings, string side, string provider)
    {
        if (side != MoveCommand.From || !string.Equals(provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var path = Path.GetFullPath(settings[$"{SqliteStoreOptions.Section}:Path"] ?? new SqliteStoreOptions().Path);
        if (!File.Exists(path))
        {
            throw new MoveRefusedException(
                $"There is no database at {path}. Set Storage:Sqlite:Path (or Move:From:Storage:Sqlite:Path) to the pilot's file.");
        }
    }
}

/// <summary>A move that will not start, or stopped, for a reason the operator can act on.</summary>
internal sealed class MoveRefusedException(string message) : Exception(message);
