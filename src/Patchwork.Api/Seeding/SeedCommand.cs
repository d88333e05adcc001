using Microsoft.Extensions.Options;
using Patchwork.Seeding;

namespace Patchwork.Api.Seeding;

/// <summary>
/// <c>seed --size small [--seed N]</c>: loads a generated network into the configured store, which must be empty.
/// </summary>
public static class SeedCommand
{
    public static bool IsRequested(string[] args) => args is ["seed", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var size = OptionValue(args, "--size") ?? "small";
        if (!Enum.TryParse<SeedSize>(size, ignoreCase: true, out var seedSize) || !Enum.IsDefined(seedSize))
        {
            await Console.Error.WriteLineAsync($"Unknown size '{size}'. Sizes: {string.Join(", ", Enum.GetNames<SeedSize>()).ToLowerInvariant()}.");
            return 2;
        }
        var seedText = OptionValue(args, "--seed");
        var seed = services.GetRequiredService<IOptions<DemoOptions>>().Value.RandomSeed;
        if (seedText is not null && !int.TryParse(seedText, out seed))
        {
            await Console.Error.WriteLineAsync("--seed takes a whole number.");
            return 2;
        }
        var store = services.GetRequiredService<INetworkStore>();
        if (!await store.IsEmptyAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync("The store already holds a network; seed only into an empty store.");
            return 1;
        }
        var snapshot = DemoNetwork.Generate(seedSize, seed, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await store.ImportAsync(snapshot, cancellationToken);
        Console.WriteLine($"Seeded {seedSize.ToString().ToLowerInvariant()}: {snapshot.Agencies.Count} agencies, " +
            $"{snapshot.Practitioners.Count} practitioners, {snapshot.Families.Count} families, {snapshot.Clients.Count} clients, " +
            $"{snapshot.Involvements.Count} involvements, {snapshot.Visits.Count} visits.");
        return 0;
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
