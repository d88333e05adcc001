using System.Globalization;

namespace Patchwork.Seeding;

/// <summary>
/// Hands out numbers from one of Ofcom's thousand-number drama ranges (07700 900000–900999 for mobiles,
/// 01632 960000–960999 for landlines), in a seeded order, each once, skipping numbers already taken. Past the
/// thousandth number the range repeats: no real number is ever produced.
/// </summary>
internal sealed class NumberPool
{
    private const int RangeSize = 1000;
    private static readonly int[] Strides = [3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37, 39];

    private readonly string _prefix;
    private readonly int _stride;
    private readonly int _offset;
    private readonly HashSet<string> _taken;
    private int _next;

    public NumberPool(string prefix, SeedRandom random, IEnumerable<string?> taken)
    {
        _prefix = prefix;
        _stride = random.Pick(Strides);
        _offset = random.Next(RangeSize);
        _taken = [.. taken.OfType<string>()];
    }

    public static NumberPool Mobiles(SeedRandom random, IEnumerable<string?> taken) => new("07700900", random, taken);

    public static NumberPool Landlines(SeedRandom random, IEnumerable<string?> taken) => new("01632960", random, taken);

    public string Next()
    {
        while (true)
        {
            // A stride coprime with 1000 visits every number in the range once per lap.
            var number = _prefix + ((_offset + (_stride * _next)) % RangeSize).ToString("000", CultureInfo.InvariantCulture);
            var lap = _next / RangeSize;
            _next++;
            if (lap > 0 || _taken.Add(number))
            {
                return number;
            }
        }
    }
}
