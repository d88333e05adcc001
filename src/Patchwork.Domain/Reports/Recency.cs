namespace Patchwork.Reports;

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
