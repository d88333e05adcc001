using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Teams;

/// <summary>How every batch read answers, whichever store: each key asked for, and only those.</summary>
public sealed class BatchTests
{
    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50, 50)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    public void Visits_per_client_are_at_least_one_and_at_most_a_hundred(int asked, int read) =>
        Assert.Equal(read, Batch.VisitsPerClient(asked));

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 20)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    public void A_search_reads_at_least_one_match_and_at_most_a_hundred(int asked, int read) =>
        Assert.Equal(read, new ClientSearch("smith", null, asked, "pr-1").Matches);

    [Fact]
    public void Every_key_asked_for_is_answered_with_its_rows_in_the_order_read_and_others_are_dropped()
    {
        var answer = Batch.ByKey(["a", "b", "A"], [("b", 2), ("x", 9), ("a", 1), ("b", 3)], r => r.Item1);

        Assert.Equal(["a", "b", "A"], answer.Keys);
        Assert.Equal([("a", 1)], answer["a"]);
        Assert.Equal([("b", 2), ("b", 3)], answer["b"]);
        Assert.Empty(answer["A"]);
        Assert.False(answer.ContainsKey("x"));
        Assert.False(answer.ContainsKey("B"));
    }

    [Fact]
    public void A_key_asked_for_twice_is_answered_once()
    {
        var answer = Batch.ByKey(["a", "a"], [("a", 1)], r => r.Item1);
        Assert.Equal([("a", 1)], Assert.Single(answer).Value);
    }

    [Fact]
    public void Nothing_asked_is_nothing_answered_and_null_arguments_are_refused()
    {
        Assert.Empty(Batch.None<int>());
        Assert.Empty(Batch.ByKey([], [("a", 1)], r => r.Item1));
        Assert.Throws<ArgumentNullException>(() => Batch.ByKey<int>(null!, [], _ => ""));
        Assert.Throws<ArgumentNullException>(() => Batch.ByKey<int>([], null!, _ => ""));
        Assert.Throws<ArgumentNullException>(() => Batch.ByKey<int>([], [], null!));
    }

    [Fact]
    public void Teams_are_merged_per_practitioner_under_each_key()
    {
        var teams = Batch.Teams(["family-1", "family-2"],
        [
            ("family-1", Member("p1", ["ada"], Monday, nextVisit: Monday.AddDays(5))),
            ("family-1", Member("p1", ["bea"], Monday, nextVisit: Monday.AddDays(2))),
            ("family-9", Member("p2", ["cal"], Monday)),
        ]);

        var member = Assert.Single(teams["family-1"]);
        Assert.Equal(["ada", "bea"], member.Supports.Select(c => c.Id));
        Assert.Equal(Monday.AddDays(2), member.NextVisitAt);
        Assert.Empty(teams["family-2"]);
        Assert.Equal(2, teams.Count);
    }
}
