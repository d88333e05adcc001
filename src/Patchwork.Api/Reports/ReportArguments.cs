using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>
/// A report's arguments as a caller gives them (GraphQL or a CSV query string), checked: an area, a kind of agency,
/// a month end to see the network as it was at the end of (UTC), and for the no-contact list the days and reasons.
/// Dates are coarse on purpose (docs/governance.md, "Published figures are judged together"): reports at two days a
/// few days apart would difference into the day something happened to a family, so the past is seen at month ends
/// and the no-contact list at the start of the week, with its days one of the contact-recency bands.
/// </summary>
public sealed record ReportArguments(
    string? Area = null,
    AgencyKind? AgencyKind = null,
    DateOnly? AsOf = null,
    int? Days = null,
    IReadOnlyCollection<NoContactReason>? Reasons = null)
{
    public const int DefaultDays = 90;

    public ReportFilter Filter(DateTimeOffset now) => new(CheckedArea(), AgencyKind, Moment(now));

    /// <summary>
    /// As <see cref="Filter"/>, but at the end of last month when no date is given: for the family-level report, whose
    /// groups would otherwise change by the day as single families cross a contact-recency band.
    /// </summary>
    public ReportFilter MonthEndFilter(DateTimeOffset now) =>
        AsOf is null ? new(CheckedArea(), AgencyKind, MonthStart(now)) : Filter(now);

    public static DateTimeOffset MonthStart(DateTimeOffset now) =>
        new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    public NoContactQuery NoContact(DateTimeOffset now)
    {
        if (AsOf is not null)
        {
            throw PatchworkException.BadInput("The no-contact list is always as of now; asOf does not apply to it.");
        }
        var days = Days ?? DefaultDays;
        if (!Recency.BandDays.Contains(days))
        {
            throw PatchworkException.BadInput($"days must be one of {string.Join(", ", Recency.BandDays)}.");
        }
        var reasons = Reasons is { Count: > 0 } given ? given.ToHashSet() : [.. Enum.GetValues<NoContactReason>()];
        var weekStart = WeekStart(now);
        return new NoContactQuery(CheckedArea(), AgencyKind, weekStart, weekStart.AddDays(-days), reasons);
    }

    /// <summary>Monday 00:00 UTC of the week <paramref name="now"/> is in: the moment the no-contact list is of.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset now)
    {
        var today = now.UtcDateTime.Date;
        return new DateTimeOffset(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    public string Describe() => string.Join(" ", new[]
    {
        Area is null ? null : $"area={Area}",
        AgencyKind is null ? null : $"agencyKind={AgencyKind}",
        AsOf is null ? null : $"asOf={AsOf:yyyy-MM-dd}",
        Days is null ? null : $"days={Days}",
        Reasons is null ? null : $"reasons={string.Join(",", Reasons)}",
    }.OfType<string>());

    private string? CheckedArea() => Area is null ? null : Check.Text(Area, "area", 100);

    // The end of the month end asked for: "as it was on 31 May" includes all of 31 May. A month that has not ended
    // yet is refused, since its end would be now, whose figures change by the day.
    private DateTimeOffset Moment(DateTimeOffset now)
    {
        if (AsOf is not { } date)
        {
            return now;
        }
        if (date.Day != DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw PatchworkException.BadInput(
                $"asOf must be the last day of a month, such as {date.Year:D4}-{date.Month:D2}-{DateTime.DaysInMonth(date.Year, date.Month):D2}: reports look back at month ends only.");
        }
        var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (end > now || date < DateOnly.FromDateTime(now.UtcDateTime).AddYears(-30))
        {
            throw PatchworkException.BadInput("asOf must be the end of a month that has ended, within the past 30 years.");
        }
        return end;
    }
}
