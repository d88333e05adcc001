using Patchwork.Api.Governance;
using Patchwork.Auditing;
using static Patchwork.Governance.Tests.People;

namespace Patchwork.Governance.Tests;

/// <summary>Reading the trail in store pages: every entry once, each millisecond whole, however the pages fall.</summary>
public sealed class AuditScanTests
{
    private static AuditEntry At(DateTimeOffset at, int n) =>
        new(at, $"sub-{n}", null, AuditAction.BreakGlass, $"c{n}", null, null, null, $"req-{n}");

    private static async Task<List<IReadOnlyList<AuditEntry>>> ScanAsync(Trail trail, DateTimeOffset? to = null)
    {
        var moments = new List<IReadOnlyList<AuditEntry>>();
        await foreach (var moment in AuditScan.NewestFirstAsync(trail, new AuditQuery("c1", "p1", Monday.AddYears(-1), to, 7, AuditAction.BreakGlass, "f1"), default))
        {
            moments.Add(moment);
        }
        return moments;
    }

    [Fact]
    public async Task A_trail_longer_than_a_page_is_read_whole_newest_first_one_millisecond_at_a_time()
    {
        var entries = Enumerable.Range(0, 1200).Select(i => At(Monday.AddMilliseconds(-i), i)).ToList();
        var trail = new Trail(entries);

        var moments = await ScanAsync(trail);

        Assert.All(moments, m => Assert.Single(m));
        Assert.Equal(entries, moments.SelectMany(m => m));
        Assert.All(trail.Reads, r => Assert.Equal(AuditScan.StorePage, r.First));
        Assert.All(trail.Reads, r => Assert.Equal(("c1", "p1", Monday.AddYears(-1), AuditAction.BreakGlass, "f1"), (r.ClientId, r.PractitionerId, r.From!.Value, r.Action!.Value, r.FamilyId)));
        Assert.Equal(3, trail.Reads.Count);
    }

    [Fact]
    public async Task A_millisecond_a_page_cuts_short_is_held_back_and_read_whole_at_the_start_of_the_next()
    {
        // 498 entries a millisecond apart, then 5 made in the same millisecond: the first page ends 2 entries into them.
        var entries = Enumerable.Range(0, 498).Select(i => At(Monday.AddMilliseconds(-i), i))
            .Concat(Enumerable.Range(0, 5).Select(i => At(Monday.AddMilliseconds(-498), 1000 + i)))
            .Append(At(Monday.AddMilliseconds(-600), 2000)).ToList();

        var moments = await ScanAsync(new Trail(entries));

        Assert.Equal(entries.Count, moments.Sum(m => m.Count));
        Assert.Equal(entries.Select(e => e.Subject).Order(), moments.SelectMany(m => m).Select(e => e.Subject).Order());
        Assert.Equal(5, Assert.Single(moments, m => m[0].At == Monday.AddMilliseconds(-498)).Count);
        Assert.Equal(Monday.AddMilliseconds(-600), moments[^1].Single().At);
    }

    [Fact]
    public async Task A_full_page_of_one_millisecond_is_shown_and_the_rest_of_that_millisecond_passed_over()
    {
        var entries = Enumerable.Range(0, 600).Select(i => At(Monday, i)).Append(At(Monday.AddMilliseconds(-1), 9999)).ToList();

        var moments = await ScanAsync(new Trail(entries));

        Assert.Equal([500, 1], moments.Select(m => m.Count));
        Assert.Equal("sub-9999", moments[1][0].Subject);
    }

    [Fact]
    public async Task A_short_trail_is_one_read_and_an_empty_one_yields_nothing()
    {
        var trail = new Trail([At(Monday, 1), At(Monday, 2), At(Monday.AddMilliseconds(-5), 3)]);
        var moments = await ScanAsync(trail, to: Monday.AddMilliseconds(1));

        Assert.Equal([2, 1], moments.Select(m => m.Count));
        Assert.Equal(Monday.AddMilliseconds(1), Assert.Single(trail.Reads).To);
        Assert.Empty(await ScanAsync(new Trail()));
    }

    [Fact]
    public async Task A_trail_of_exactly_one_page_is_read_whole_in_two_reads()
    {
        var trail = new Trail(Enumerable.Range(0, 500).Select(i => At(Monday.AddMilliseconds(-i), i)));

        var moments = await ScanAsync(trail);

        Assert.Equal(500, moments.Count);
        Assert.Equal([null, Monday.AddMilliseconds(-498)], trail.Reads.Select(r => r.To));
    }

    [Fact]
    public void An_entrys_millisecond_is_its_unix_time_in_milliseconds() =>
        Assert.Equal(Monday.ToUnixTimeMilliseconds(), AuditScan.Millisecond(At(Monday.AddTicks(9_999), 1)));
}
