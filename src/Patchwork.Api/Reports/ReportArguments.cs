namespace Patchwork.Api.Reports;

/// <summary>
/// A report's arguments as a caller gives them (GraphQL or a CSV query string), checked: an area, a kind of agency,
/// a date to see the network as it was at the end of (UTC), and for the no-contact list the days and reasons.
/// </summary>
public sealed record ReportArguments(
    string? Area = null,
    AgencyKind? AgencyKind = null,
    DateOnly? AsOf = null,
    int? Days = null,
    IReadOnlyCollection<NoContactReason>? Reasons = null)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3650;

    public ReportFilter Filter(DateTimeOffset now) => new(CheckedArea(), AgencyKind, Moment(now));

    public NoContactQuery NoContact(DateTimeOffset now)
    {
        if (AsOf is not null)
        {
            throw PatchworkException.BadInput("The no-contact list is always as of now; asOf does not apply to it.");
        }
        var days = Days ?? DefaultDays;
        if (days is < 1 or > MaxDays)
        {
            throw PatchworkException.BadInput($"days must be between 1 and {MaxDays}.");
        }
        var reasons = Reasons is { Count: > 0 } given ? given.ToHashSet() : [.. Enum.GetValues<NoContactReason>()];
        return new NoContactQuery(CheckedArea(), AgencyKind, now, now.AddDays(-days), reasons);
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

    // The end of the day asked for, or now if that is later than now: "as it was on 3 May" includes all of 3 May.
    private DateTimeOffset Moment(DateTimeOffset now)
    {
        if (AsOf is not { } date)
        {
            return now;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (date > today || date < today.AddYears(-30))
        {
            throw PatchworkException.BadInput("asOf must be within the past 30 years and not in the future.");
        }
        var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return end < now ? end : now;
    }
}
