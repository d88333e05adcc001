namespace Patchwork.Reports;

/// <summary>A published distribution: mean, median and histogram, or nothing at all when its population is suppressed.</summary>
public sealed record Distribution(double? Mean, double? Median, IReadOnlyList<Bucket> Buckets)
{
    /// <summary>Per family: 0, 1, 2, 3, 4, 5–9, 10+.</summary>
    public static readonly IReadOnlyList<(int From, int? To)> PerFamily = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, null)];

    /// <summary>Per practitioner: 1–5, 6–10, 11–20, 21–50, 51+.</summary>
    public static readonly IReadOnlyList<(int From, int? To)> PerPractitioner = [(1, 5), (6, 10), (11, 20), (21, 50), (51, null)];

    public static Distribution Of(IReadOnlyList<int> values, IReadOnlyList<(int From, int? To)> edges, bool published)
    {
        if (!published || values.Count == 0)
        {
            return new Distribution(null, null,
                [.. edges.Select(e => new Bucket(e.From, e.To, published ? new PublishedCount(0) : PublishedCount.Hidden))]);
        }
        var buckets = edges.Select(e => new Bucket(e.From, e.To,
            SmallCounts.Publish(values.Count(v => v >= e.From && (e.To is null || v <= e.To))))).ToList();
        return new Distribution(SmallCounts.OneDecimal(values.Average()), SmallCounts.OneDecimal(MedianOf(values)), buckets);
    }

    private static double MedianOf(IReadOnlyList<int> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
