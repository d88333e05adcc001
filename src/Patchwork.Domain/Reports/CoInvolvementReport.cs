namespace Patchwork.Reports;

public static class CoInvolvementReport
{
    /// <summary>
    /// Pairs per area, most shared first, and the same pairs over all areas whose family count is published
    /// (<paramref name="familiesPerArea"/>): a pair's families in a small area count nowhere.
    /// </summary>
    public static IReadOnlyList<AgencyPair> Build(IReadOnlyList<AgencyPairCount> pairs, IReadOnlyDictionary<string, int> familiesPerArea)
    {
        bool IsPublishedArea(string area) => familiesPerArea.GetValueOrDefault(area) >= SmallCounts.Threshold;
        var perArea = pairs.Select(p => new AgencyPair(p.Area, p.FirstAgencyId, p.SecondAgencyId,
            IsPublishedArea(p.Area) ? SmallCounts.Publish(p.Families) : PublishedCount.Hidden));
        var overall = pairs.Where(p => IsPublishedArea(p.Area))
            .GroupBy(p => (p.FirstAgencyId, p.SecondAgencyId))
            .Select(g => new AgencyPair(null, g.Key.FirstAgencyId, g.Key.SecondAgencyId, SmallCounts.Publish(g.Sum(p => p.Families))));
        return [.. overall.Concat(perArea)
            .OrderBy(p => p.Area is not null)
            .ThenBy(p => p.Area, StringComparer.Ordinal)
            .ThenByDescending(p => p.Families.Value ?? 0)
            .ThenBy(p => p.FirstAgencyId, StringComparer.Ordinal)
            .ThenBy(p => p.SecondAgencyId, StringComparer.Ordinal)];
    }
}
