namespace Patchwork;

/// <summary>A count and the share of its population it is, as published.</summary>
public sealed record PublishedShare(PublishedCount Count, double? Share)
{
    public static PublishedShare Of(int count, PublishedCount whole)
    {
        var published = whole.Suppressed ? PublishedCount.Hidden : SmallCounts.Publish(count);
        return new PublishedShare(published, SmallCounts.Share(published, whole));
    }
}

/// <summary>
/// Network density of one area (or, with a null <see cref="Area"/>, of every area whose row is published): how many
/// families, how many practitioners and agencies around each, and the shares with three or more agencies, with a
/// single agency and with no key worker.
/// </summary>
public sealed record AreaDensity(
    string? Area,
    PublishedCount Families,
    Distribution PractitionersPerFamily,
    Distribution AgenciesPerFamily,
    PublishedShare ThreeOrMoreAgencies,
    PublishedShare SingleAgency,
    PublishedShare NoKeyWorker)
{
    public bool Suppressed => Families.Suppressed;
}

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
