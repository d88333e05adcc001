using Patchwork.Network;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Teams;

/// <summary>A family's team: one entry per practitioner, whichever order the per-client entries come in.</summary>
public sealed class TeamMemberTests
{
    private static readonly DateTimeOffset Earlier = Monday.AddDays(-10);
    private static readonly DateTimeOffset Later = Monday.AddDays(-2);

    private static TeamMember Merged(params TeamMember[] entries) => Assert.Single(TeamMember.MergeByPractitioner(entries));

    private static IEnumerable<TeamMember[]> BothOrders(TeamMember a, TeamMember b) => [[a, b], [b, a]];

    [Fact]
    public void The_merged_entry_has_the_latest_contact_and_the_earliest_next_visit_and_since_in_either_order()
    {
        var withAda = Member("p1", ["ada"], since: Later, lastContact: Later, nextVisit: Monday.AddDays(9));
        var withBea = Member("p1", ["bea"], since: Earlier, lastContact: Earlier, nextVisit: Monday.AddDays(3));

        foreach (var order in BothOrders(withAda, withBea))
        {
            var merged = Merged(order);
            Assert.Equal(Later, merged.LastContactAt);
            Assert.Equal(Monday.AddDays(3), merged.NextVisitAt);
            Assert.Equal(Earlier, merged.Since);
            Assert.Equal(["ada", "bea"], merged.Supports.Select(c => c.Id));
        }
    }

    [Fact]
    public void A_contact_or_a_visit_known_with_one_member_only_is_kept_in_either_order()
    {
        var seen = Member("p1", ["ada"], since: Earlier, lastContact: Later, nextVisit: null);
        var planned = Member("p1", ["bea"], since: Earlier, lastContact: null, nextVisit: Monday.AddDays(3));

        foreach (var order in BothOrders(seen, planned))
        {
            var merged = Merged(order);
            Assert.Equal(Later, merged.LastContactAt);
            Assert.Equal(Monday.AddDays(3), merged.NextVisitAt);
        }
        var neither = Merged(Member("p1", ["ada"], Earlier), Member("p1", ["bea"], Earlier));
        Assert.Equal((null, null), (neither.LastContactAt, neither.NextVisitAt));
    }

    [Fact]
    public void Equal_times_merge_to_that_time()
    {
        var merged = Merged(Member("p1", ["ada"], Earlier, Later, Monday), Member("p1", ["bea"], Earlier, Later, Monday));
        Assert.Equal((Earlier, Later, Monday), (merged.Since, merged.LastContactAt!.Value, merged.NextVisitAt!.Value));
    }

    [Fact]
    public void Of_two_times_for_the_same_moment_the_first_entrys_is_kept()
    {
        var utc = Member("p1", ["ada"], Earlier, Later, Monday);
        var local = Member("p1", ["bea"], Earlier.ToOffset(TimeSpan.FromHours(1)), Later.ToOffset(TimeSpan.FromHours(1)),
            Monday.ToOffset(TimeSpan.FromHours(1)));

        var merged = Merged(utc, local);

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], [merged.Since.Offset, merged.LastContactAt!.Value.Offset, merged.NextVisitAt!.Value.Offset]);
        var reversed = Merged(local, utc);
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1)],
            [reversed.Since.Offset, reversed.LastContactAt!.Value.Offset, reversed.NextVisitAt!.Value.Offset]);
    }

    [Fact]
    public void A_restriction_with_any_member_holds_for_the_whole_family_in_either_order()
    {
        var open = Member("p1", ["ada"], Earlier);
        var restricted = Member("p1", ["bea"], Later, restricted: true);

        foreach (var order in BothOrders(open, restricted))
        {
            Assert.True(Merged(order).Restricted);
        }
        Assert.False(Merged(open, open with { Supports = [Client("bea")] }).Restricted);
    }

    [Fact]
    public void Supports_are_the_union_by_id_in_id_order_whichever_comes_first()
    {
        var first = Member("p1", ["cal", "ada"], Earlier);
        var second = Member("p1", ["bea", "ada"], Earlier);

        foreach (var order in BothOrders(first, second))
        {
            Assert.Equal(["ada", "bea", "cal"], Merged(order).Supports.Select(c => c.Id));
        }
        // Ordinal order: upper case before lower.
        Assert.Equal(["Zed", "ada"], Merged(Member("p1", ["ada"], Earlier), Member("p1", ["Zed"], Earlier)).Supports.Select(c => c.Id));
    }

    [Fact]
    public void A_team_lists_open_entries_first_then_by_since_then_by_practitioner_id()
    {
        var team = TeamMember.MergeByPractitioner(
        [
            Member("restricted", ["ada"], Earlier.AddDays(-30), restricted: true),
            Member("late", ["ada"], Later),
            Member("b-early", ["ada"], Earlier),
            Member("B-early", ["bea"], Earlier),
            Member("a-early", ["bea"], Earlier),
        ]);

        Assert.Equal(["B-early", "a-early", "b-early", "late", "restricted"], team.Select(m => m.Practitioner.Id));
    }

    [Fact]
    public void A_single_entry_is_kept_as_it_is()
    {
        var only = Member("p1", ["bea", "ada"], Earlier, Later, Monday, restricted: true);
        Assert.Same(only, Merged(only));
        Assert.Empty(TeamMember.MergeByPractitioner([]));
    }
}
