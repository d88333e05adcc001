using System.Globalization;

namespace Patchwork.Seeding;

/// <summary>
/// A small, fast, deterministic random source (SplitMix64). Unlike <see cref="Random"/>, its sequence is fixed
/// by this code alone, so a seed gives the same network on every runtime. Each part of the network draws from
/// its own stream (the directory, each family), so one family's draws never shift another's.
/// </summary>
internal sealed class SeedRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SeedRandom(int seed, ulong stream)
    {
        _state = Mix(((ulong)(uint)seed * Golden) ^ Mix(stream + 0x632BE59BD9B4E019UL));
    }

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) =>
        maxExclusive <= 0
            ? throw new ArgumentOutOfRangeException(nameof(maxExclusive))
            : (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public int Between(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index into <paramref name="weights"/>, each chosen in proportion to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>An opaque node id: 32 lowercase hex characters.</summary>
    public string NextId() =>
        NextUInt64().ToString("x16", CultureInfo.InvariantCulture) + NextUInt64().ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>
    /// An opaque node id that sorts after every id made with a smaller <paramref name="order"/>, the way a
    /// time-ordered id (UUIDv7) sorts by when it was made: 12 hex characters of order, then 20 random ones.
    /// </summary>
    public string NextOrderedId(ulong order) =>
        (order & 0xFFFF_FFFF_FFFFUL).ToString("x12", CultureInfo.InvariantCulture) +
        NextUInt64().ToString("x16", CultureInfo.InvariantCulture) +
        (NextUInt64() >> 48).ToString("x4", CultureInfo.InvariantCulture);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// Draws an index in proportion to fixed weights in O(log n) per draw (cumulative sums and a binary search),
/// so picking from tens of thousands of practitioners stays cheap.
/// </summary>
internal sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += Math.Max(0, weights[i]);
            _cumulative[i] = total;
        }
    }

    public int Count => _cumulative.Length;

    public int Next(SeedRandom random)
    {
        // The first entry whose running total exceeds the target: entries of weight zero are never chosen.
        var target = random.NextDouble() * _cumulative[^1];
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }
}
