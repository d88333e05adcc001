namespace Patchwork.Api.Seeding;

/// <summary>The demo network: seeded into an empty store at start-up when <see cref="Seed"/> is true.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    /// <summary>The generator's seed: the same seed gives the same people, ids and accounts.</summary>
    public int RandomSeed { get; set; } = 1802;
}
