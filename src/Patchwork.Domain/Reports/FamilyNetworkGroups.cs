namespace Patchwork.Reports;

/// <summary>
/// The family-level report without a row per family. A row per family could be counted and differenced (under narrow
/// filters, or at many as-of dates) into exactly the small counts and contact dates the aggregates hide; so families
/// are grouped, and only a group of at least the minimum size (10 unless configured) is published. Its counts follow
/// <see cref="SmallCounts"/>, and contact recency is a band, never a number of days.
/// </summary>
public static class FamilyNetworkGroups
{
    public const int DefaultMinimum = 10;

    public static IReadOnlyList<FamilyNetworkGroup> Build(IReadOnlyList<FamilyNetwork> families, DateTimeOffset at, int minimum) =>
        [.. families
            .GroupBy(f => (f.Area, Agencies: Band(f.Agencies), LastContact: Recency.Of(at, f.LastContactAt)))
            .Where(g => g.Count() >= minimum)
            .Select(g => Group(g.Key.Area, g.Key.Agencies, g.Key.LastContact, [.. g]))
            .OrderBy(g => g.Area, StringComparer.Ordinal).ThenBy(g => g.Agencies).ThenBy(g => g.LastContact)];

    public static AgencyBand Band(int agencies) => (AgencyBand)Math.Min(agencies, (int)AgencyBand.ThreeOrMore);

    private static FamilyNetworkGroup Group(string area, AgencyBand agencies, ContactRecency lastContact, List<FamilyNetwork> families) => new(
        area, agencies, lastContact,
        SmallCounts.Publish(families.Count),
        SmallCounts.Publish(families.Count(f => f.HasKeyWorker)),
        SmallCounts.Publish(families.Count(f => f.NextVisitAt is not null)),
        SmallCounts.OneDecimal(families.Average(f => f.Practitioners)),
        SmallCounts.OneDecimal(families.Average(f => f.Members == 0 ? 0 : (double)f.MembersWithInvolvement / f.Members)));
}
