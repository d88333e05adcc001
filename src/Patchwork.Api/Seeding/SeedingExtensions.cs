using Microsoft.Extensions.Options;
using Patchwork.Api.Identity;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Seeding;

namespace Patchwork.Api.Seeding;

public static partial class SeedingExtensions
{
    /// <summary>Families per progress line of the demo seed: a few lines for the district, not one per family.</summary>
    private const int FamiliesPerLine = 50;

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

    /// <summary>
    /// Loads the demo network into an empty store when Demo:Seed is true, saying how far it has got: on a first run
    /// this is the wait between the build and "Now listening on".
    /// </summary>
    public static async Task SeedDemoNetworkAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var store = services.GetRequiredService<StorePorts>();
        if (!options.Seed || !await store.Lifecycle.IsEmptyAsync(cancellationToken))
        {
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Patchwork.Demo");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // The same network as generated whole, in pieces; a district is small enough to hold all of them at once.
        List<NetworkSnapshot> pieces = [.. DemoNetwork.GenerateInBatches(SeedProfile.For(SeedSize.Small), options.RandomSeed, now, FamiliesPerLine)];
        var families = pieces.Sum(p => p.Families.Count);
        await store.Import.ImportAsync(pieces.ToAsyncEnumerable(), new SeedingProgress(logger, families), cancellationToken);
        var (clients, practitioners) = (pieces.Sum(p => p.Clients.Count), pieces.Sum(p => p.Practitioners.Count));
        LogSeeded(logger, families, clients, practitioners);
    }

    /// <summary>One log line per piece loaded: "Seeding the demo district: 50 of 200 families".</summary>
    private sealed class SeedingProgress(ILogger logger, int families) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == ImportStage.Loading)
            {
                LogSeeding(logger, value.Families, families);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the demo district: {Loaded} of {Families} families")]
    private static partial void LogSeeding(ILogger logger, long loaded, int families);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded the demo network: {Families} families, {Clients} clients, {Practitioners} practitioners")]
    private static partial void LogSeeded(ILogger logger, int families, int clients, int practitioners);
}
