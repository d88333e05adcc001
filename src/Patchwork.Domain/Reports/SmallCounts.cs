namespace Patchwork.Reports;

/// <summary>
/// The statistical disclosure rule, applied to every aggregate the reports publish:
/// <list type="number">
/// <item>a count of 1 to 4 is suppressed (shown as suppressed, never as a number); 0 is published as 0;</item>
/// <item>every other count is rounded to the nearest multiple of 5, so any sum or difference of published counts
/// is itself a multiple of 5 and can never equal a suppressed count: subtracting two answers (the county total
/// minus the visible areas, one filter minus another) cannot undo a suppression;</item>
/// <item>a row whose own population is suppressed shows nothing else either (no mean, median, share or
/// distribution), and areas with fewer than 5 families are left out of every total;</item>
/// <item>shares are worked out from the published counts, and means and medians are rounded to one decimal.</item>
/// </list>
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 5;
    public const int Base = 5;
    public const string SuppressedText = "suppressed";

    public static PublishedCount Publish(int count) => count switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(count)),
        0 => new PublishedCount(0),
        < Threshold => PublishedCount.Hidden,
        _ => new PublishedCount((int)Math.Round(count / (double)Base, MidpointRounding.AwayFromZero) * Base),
    };

    /// <summary>The share <paramref name="part"/> of <paramref name="whole"/>, from published counts; null when either is suppressed.</summary>
    public static double? Share(PublishedCount part, PublishedCount whole) =>
        part.Value is { } p && whole.Value is { } w && w > 0 ? Math.Round((double)p / w, 3) : null;

    public static double OneDecimal(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
