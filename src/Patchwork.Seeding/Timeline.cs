namespace Patchwork.Seeding;

/// <summary>
/// Every time in a demo network is placed relative to one "now", rounded down to the whole minute, so the
/// same seed and now give the same network and visits are always in the right place relative to today.
/// Visits fall on weekdays in office hours, in quarter-hour slots.
/// </summary>
internal sealed class Timeline(DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = new(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>A quarter-hour between 09:00 and 16:45, as minutes after midnight.</summary>
    public static int OfficeMinute(SeedRandom random) => (9 * 60) + (15 * random.Next(32));

    public DateTimeOffset At(DateOnly day, int minuteOfDay) =>
        new(day.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60)), Now.Offset);

    public DateTimeOffset DaysAgo(int days, int minuteOfDay) => At(Today.AddDays(-days), minuteOfDay);

    /// <summary>A weekday <paramref name="days"/> ago, moved back to the Friday when it falls at a weekend.</summary>
    public DateTimeOffset PastWorkday(int days, int minuteOfDay)
    {
        var day = Today.AddDays(-days);
        day = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1),
            DayOfWeek.Sunday => day.AddDays(-2),
            _ => day,
        };
        return At(day, minuteOfDay);
    }

    /// <summary>A weekday <paramref name="days"/> ahead, moved on to the Monday when it falls at a weekend.</summary>
    public DateTimeOffset FutureWorkday(int days, int minuteOfDay)
    {
        var day = Today.AddDays(days);
        day = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };
        return At(day, minuteOfDay);
    }

    public int AgeInDays(DateOnly dateOfBirth) => Today.DayNumber - dateOfBirth.DayNumber;
}
