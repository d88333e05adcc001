namespace Patchwork;

/// <summary>How long ago a family's last completed contact was, in the bands reports publish instead of days.</summary>
public enum ContactRecency { WithinAMonth, OneToThreeMonths, ThreeToSixMonths, SixToTwelveMonths, OverAYear, Never }

/// <summary>How many agencies work around a family, in the bands the family-network groups are keyed on.</summary>
public enum AgencyBand { None, One, Two, ThreeOrMore }

public static class Recency
{
    /// <summary>
    /// The longest gap each band but the last two covers, in days: the no-contact list's choices too, so a family
    /// listed for no contact in <c>days</c> is never in a band that ends at or before it.
    /// </summary>
    public static readonly int[] BandDays = [30, 90, 180, 365];

    public static ContactRecency Of(DateTimeOffset at, DateTimeOffset? lastContact)
    {
        if (lastContact is not { } then)
        {
            return ContactRecency.Never;
        }
        var days = (at - then).TotalDays;
        var band = Array.FindIndex(BandDays, limit => days <= limit);
        return band < 0 ? ContactRecency.OverAYear : (ContactRecency)band;
    }
}

/// <summary>
/// Families with the same area, agency band and contact recency, and what is true of them together. Counts are
/// published counts; the means are over the group's families, to one decimal.
/// </summary>
public sealed record FamilyNetworkGroup(
    string Area,
    AgencyBand Agencies,
    ContactRecency LastContact,
    PublishedCount Families,
    PublishedCount WithKeyWorker,
    PublishedCount WithVisitPlanned,
    double PractitionersPerFamily,
    double MembersWithInvolvementShare);

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
