namespace Patchwork.Reports;

/// <summary>A count and the share of its population it is, as published.</summary>
public sealed record PublishedShare(PublishedCount Count, double? Share)
{
    public static PublishedShare Of(int count, PublishedCount whole)
    {
        var published = whole.Suppressed ? PublishedCount.Hidden : SmallCounts.Publish(count);
        return new PublishedShare(published, SmallCounts.Share(published, whole));
    }
}
