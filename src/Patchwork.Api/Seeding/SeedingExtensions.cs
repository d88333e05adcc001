using Microsoft.Extensions.Options;
using Patchwork.Api.Identity;
using Patchwork.Ports;
using Patchwork.Seeding;

namespace Patchwork.Api.Seeding;

public static partial class SeedingExtensions
{
    public static IServiceCollection AddPatchworkDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            return new DemoAccountList(DemoNetwork.Accounts(DemoNetwork.Generate(SeedSize.Small, options.RandomSeed, now)));
        });
        return services;
    }

    /// <summary>Loads the demo network into an empty store when Demo:Seed is true.</summary>
    public static async Task SeedDemoNetworkAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var store = services.GetRequiredService<IStoreLifecycle>();
        if (!options.Seed || !await store.IsEmptyAsync(cancellationToken))
        {
            return;
        }
        var snapshot = DemoNetwork.Generate(SeedSize.Small, options.RandomSeed, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await store.ImportAsync(snapshot, cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Patchwork.Demo");
        LogSeeded(logger, snapshot.Families.Count, snapshot.Clients.Count, snapshot.Practitioners.Count);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded the demo network: {Families} families, {Clients} clients, {Practitioners} practitioners")]
    private static partial void LogSeeded(ILogger logger, int families, int clients, int practitioners);
}
