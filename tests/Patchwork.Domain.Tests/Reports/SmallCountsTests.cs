using Patchwork.Reports;
namespace Patchwork.Domain.Tests.Reports;

/// <summary>The small-count rule on its own: which counts are shown, as what.</summary>
public sealed class SmallCountsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "suppressed")]
    [InlineData(4, "suppressed")]
    [InlineData(5, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    [InlineData(80_002, "80000")]
    public void A_count_is_published_as_a_multiple_of_five_or_suppressed(int count, string shown) =>
        Assert.Equal(shown, SmallCounts.Publish(count).ToString());

    [Fact]
    public void A_share_comes_from_the_published_counts_and_is_null_when_either_is_suppressed()
    {
        Assert.Equal(0.5, SmallCounts.Share(SmallCounts.Publish(7), SmallCounts.Publish(12)));
        Assert.Null(SmallCounts.Share(SmallCounts.Publish(3), SmallCounts.Publish(12)));
        Assert.Null(SmallCounts.Share(SmallCounts.Publish(0), SmallCounts.Publish(3)));
        Assert.Equal(0.0, SmallCounts.Share(SmallCounts.Publish(0), SmallCounts.Publish(12)));
    }

    [Fact]
    public void A_caseload_spread_over_fewer_than_five_practitioners_shows_no_mean_median_or_bucket()
    {
        var figures = new CaseloadFigures(
            [new PractitionerCaseload("p1", "small", 7, 9), .. Enumerable.Range(0, 6).Select(i => new PractitionerCaseload($"q{i}", "large", 4, 6))],
            [new AgencyCaseloadCount("small", 7, 9), new AgencyCaseloadCount("large", 20, 30)],
            27, 39);

        var rows = CaseloadReport.Build(figures);

        var small = rows.Single(r => r.AgencyId == "small");
        Assert.True(small.Practitioners.Suppressed);
        Assert.False(small.Families.Suppressed);
        Assert.All([small.FamiliesPerPractitioner, small.ClientsPerPractitioner], d =>
        {
            Assert.Equal((null, null), (d.Mean, d.Median));
            Assert.All(d.Buckets, b => Assert.True(b.Count.Suppressed));
        });
        var large = rows.Single(r => r.AgencyId == "large");
        Assert.Equal((5, 4.0), (large.Practitioners.Value, large.FamiliesPerPractitioner.Mean));
        Assert.NotNull(rows[0].FamiliesPerPractitioner.Mean);
    }

    [Fact]
    public void A_suppressed_distribution_shows_neither_mean_median_nor_any_bucket()
    {
        var hidden = Distribution.Of([1, 2, 3], Distribution.PerFamily, published: false);
        var shown = Distribution.Of([1, 2, 3, 3, 10, 2], Distribution.PerFamily, published: true);

        Assert.Equal((null, null), (hidden.Mean, hidden.Median));
        Assert.All(hidden.Buckets, b => Assert.True(b.Count.Suppressed));
        Assert.Equal((3.5, 2.5), (shown.Mean, shown.Median));
        Assert.Equal(["0", "1", "2", "3", "4", "5–9", "10+"], shown.Buckets.Select(b => b.Label));
    }

    [Fact]
    public void Negative_counts_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCounts.Publish(-1));
}
