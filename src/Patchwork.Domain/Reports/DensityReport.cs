namespace Patchwork.Reports;

public sealed record DensityReport(IReadOnlyList<AreaDensity> Areas, AreaDensity Overall)
{
    /// <summary>
    /// One row per area, and the overall row built only from the families of areas whose own row is published, so
    /// the overall row minus the visible areas is nothing but rounding.
    /// </summary>
    public static DensityReport Build(IReadOnlyList<FamilyNetwork> families)
    {
        var byArea = families.GroupBy(f => f.Area).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var areas = byArea.Select(g => Row(g.Key, [.. g])).ToList();
        var published = byArea.Where(g => g.Count() >= SmallCounts.Threshold).SelectMany(g => g).ToList();
        return new DensityReport(areas, Row(null, published));
    }

    private static AreaDensity Row(string? area, List<FamilyNetwork> families)
    {
        var count = SmallCounts.Publish(families.Count);
        var published = !count.Suppressed && families.Count > 0;
        return new AreaDensity(
            area,
            count,
            Distribution.Of([.. families.Select(f => f.Practitioners)], Distribution.PerFamily, published),
            Distribution.Of([.. families.Select(f => f.Agencies)], Distribution.PerFamily, published),
            PublishedShare.Of(families.Count(f => f.Agencies >= 3), count),
            PublishedShare.Of(families.Count(f => f.Agencies == 1), count),
            PublishedShare.Of(families.Count(f => !f.HasKeyWorker), count));
    }
}
