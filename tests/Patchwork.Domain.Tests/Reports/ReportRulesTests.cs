using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Domain.Tests.Sample;

namespace Patchwork.Domain.Tests.Reports;

/// <summary>The report rules both stores' raw figures pass through: bands, groups, shares, rows and totals.</summary>
public sealed class ReportRulesTests
{
    private static FamilyNetwork Family(string area, int practitioners = 2, int agencies = 1, bool keyWorker = false,
        DateTimeOffset? lastContact = null, DateTimeOffset? nextVisit = null, int members = 2, int withInvolvement = 1) =>
        new($"f-{Guid.NewGuid():N}", area, members, withInvolvement, practitioners, agencies, keyWorker, lastContact, nextVisit);

    [Fact]
    public void A_share_of_a_whole_of_zero_is_not_a_number_at_all()
    {
        Assert.Null(SmallCounts.Share(new PublishedCount(0), new PublishedCount(0)));
        Assert.Null(SmallCounts.Share(new PublishedCount(5), new PublishedCount(0)));
        Assert.Equal(0.333, SmallCounts.Share(new PublishedCount(5), new PublishedCount(15)));
        Assert.Equal(1.0, SmallCounts.Share(new PublishedCount(15), new PublishedCount(15)));
        Assert.Null(SmallCounts.Share(new PublishedCount(5), PublishedCount.Hidden));
        Assert.Null(SmallCounts.Share(PublishedCount.Hidden, new PublishedCount(5)));
    }

    [Fact]
    public void A_published_share_of_a_suppressed_whole_hides_its_count_too()
    {
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), PublishedShare.Of(20, PublishedCount.Hidden));
        Assert.Equal(new PublishedShare(new PublishedCount(10), 0.5), PublishedShare.Of(9, new PublishedCount(20)));
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), PublishedShare.Of(3, new PublishedCount(20)));
    }

    [Fact]
    public void Counts_and_means_round_half_away_from_zero()
    {
        Assert.Equal(0.3, SmallCounts.OneDecimal(0.25));
        Assert.Equal(new PublishedCount(5), SmallCounts.Publish(5));
        Assert.Equal("suppressed", PublishedCount.Hidden.ToString());
        Assert.True(PublishedCount.Hidden.Suppressed);
        Assert.False(new PublishedCount(0).Suppressed);
    }

    [Theory]
    [InlineData(0.0, ContactRecency.WithinAMonth)]
    [InlineData(30.0, ContactRecency.WithinAMonth)]
    [InlineData(30.5, ContactRecency.OneToThreeMonths)]
    [InlineData(90.0, ContactRecency.OneToThreeMonths)]
    [InlineData(91.0, ContactRecency.ThreeToSixMonths)]
    [InlineData(180.0, ContactRecency.ThreeToSixMonths)]
    [InlineData(365.0, ContactRecency.SixToTwelveMonths)]
    [InlineData(365.1, ContactRecency.OverAYear)]
    public void Contact_recency_bands_end_at_30_90_180_and_365_days_inclusive(double daysAgo, ContactRecency band) =>
        Assert.Equal(band, Recency.Of(Monday, Monday.AddDays(-daysAgo)));

    [Fact]
    public void A_family_never_contacted_is_in_its_own_band() => Assert.Equal(ContactRecency.Never, Recency.Of(Monday, null));

    [Theory]
    [InlineData(0, AgencyBand.None)]
    [InlineData(1, AgencyBand.One)]
    [InlineData(2, AgencyBand.Two)]
    [InlineData(3, AgencyBand.ThreeOrMore)]
    [InlineData(7, AgencyBand.ThreeOrMore)]
    public void Agencies_around_a_family_are_banded_up_to_three_or_more(int agencies, AgencyBand band) =>
        Assert.Equal(band, FamilyNetworkGroups.Band(agencies));

    [Fact]
    public void A_group_of_families_is_published_from_the_minimum_size_and_not_below_it()
    {
        var recent = Monday.AddDays(-3);
        List<FamilyNetwork> families =
        [
            .. Enumerable.Range(0, 4).Select(_ => Family("North", lastContact: recent)),
            .. Enumerable.Range(0, 3).Select(_ => Family("South", lastContact: recent)),
        ];

        Assert.Equal(["North"], FamilyNetworkGroups.Build(families, Monday, minimum: 4).Select(g => g.Area));
        Assert.Equal(["North", "South"], FamilyNetworkGroups.Build(families, Monday, minimum: 3).Select(g => g.Area));
        Assert.Empty(FamilyNetworkGroups.Build(families, Monday, minimum: 5));
    }

    [Fact]
    public void A_group_says_what_is_true_of_its_families_together()
    {
        var recent = Monday.AddDays(-3);
        List<FamilyNetwork> families =
        [
            .. Enumerable.Range(0, 6).Select(i => Family("North", practitioners: 2, agencies: 2, keyWorker: true, lastContact: recent,
                nextVisit: Monday.AddDays(1), members: 4, withInvolvement: 2)),
            .. Enumerable.Range(0, 4).Select(i => Family("North", practitioners: 5, agencies: 2, keyWorker: false, lastContact: recent,
                members: 0, withInvolvement: 0)),
            Family("North", agencies: 0, lastContact: null),
        ];

        var group = Assert.Single(FamilyNetworkGroups.Build(families, Monday, minimum: 10));

        Assert.Equal(("North", AgencyBand.Two, ContactRecency.WithinAMonth), (group.Area, group.Agencies, group.LastContact));
        Assert.Equal(new PublishedCount(10), group.Families);
        Assert.Equal(new PublishedCount(5), group.WithKeyWorker);
        Assert.Equal(new PublishedCount(5), group.WithVisitPlanned);
        Assert.Equal(3.2, group.PractitionersPerFamily);
        Assert.Equal(0.3, group.MembersWithInvolvementShare); // 6 × ½, and 4 families with no members counted as 0, over 10
    }

    [Fact]
    public void Groups_are_listed_by_area_then_agency_band_then_recency()
    {
        List<FamilyNetwork> families =
        [
            Family("b", agencies: 1, lastContact: Monday.AddDays(-1)),
            Family("a", agencies: 2, lastContact: Monday.AddDays(-1)),
            Family("a", agencies: 1, lastContact: null),
            Family("a", agencies: 1, lastContact: Monday.AddDays(-1)),
            Family("B", agencies: 1, lastContact: null),
        ];

        var groups = FamilyNetworkGroups.Build(families, Monday, minimum: 1);

        Assert.Equal(
            [("B", AgencyBand.One, ContactRecency.Never), ("a", AgencyBand.One, ContactRecency.WithinAMonth), ("a", AgencyBand.One, ContactRecency.Never),
             ("a", AgencyBand.Two, ContactRecency.WithinAMonth), ("b", AgencyBand.One, ContactRecency.WithinAMonth)],
            groups.Select(g => (g.Area, g.Agencies, g.LastContact)));
    }

    [Fact]
    public void A_distribution_counts_each_value_in_the_bucket_whose_inclusive_edges_hold_it()
    {
        int[] values = [.. Enumerable.Repeat(1, 5), .. Enumerable.Repeat(5, 5), .. Enumerable.Repeat(9, 5), .. Enumerable.Repeat(10, 6), 30];

        var shown = Distribution.Of(values, Distribution.PerFamily, published: true);

        Assert.Equal(["0", "5", "0", "0", "0", "10", "5"], shown.Buckets.Select(b => b.Count.ToString()));
        Assert.Equal(["1–5", "6–10", "11–20", "21–50", "51+"], Distribution.PerPractitioner.Select(e => new Bucket(e.From, e.To, default).Label));
        Assert.Equal(7.5, shown.Mean);
        Assert.Equal(9.0, shown.Median);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(3.0, Distribution.Of([9, 1, 3], Distribution.PerFamily, true).Median);
        Assert.Equal(2.0, Distribution.Of([3, 1], Distribution.PerFamily, true).Median);
        Assert.Equal(5.0, Distribution.Of([5], Distribution.PerFamily, true).Median);
    }

    [Fact]
    public void A_published_distribution_of_nobody_is_all_zeros_with_no_mean_or_median()
    {
        var none = Distribution.Of([], Distribution.PerFamily, published: true);

        Assert.Equal((null, null), (none.Mean, none.Median));
        Assert.All(none.Buckets, b => Assert.Equal(new PublishedCount(0), b.Count));
        Assert.Equal(Distribution.PerFamily.Count, none.Buckets.Count);
    }

    [Fact]
    public void The_density_report_totals_only_the_areas_whose_own_row_is_published()
    {
        List<FamilyNetwork> families =
        [
            .. Enumerable.Range(0, 10).Select(i => Family("North", practitioners: 2, agencies: i < 7 ? 3 : 1, keyWorker: i < 6)),
            .. Enumerable.Range(0, 4).Select(_ => Family("Small", practitioners: 9, agencies: 1)),
            .. Enumerable.Range(0, 10).Select(i => Family("East", practitioners: 1, agencies: i < 5 ? 1 : 2, keyWorker: true)),
        ];

        var report = DensityReport.Build(families);

        Assert.Equal(["East", "North", "Small"], report.Areas.Select(a => a.Area));
        var small = report.Areas[2];
        Assert.True(small.Suppressed);
        Assert.Null(small.PractitionersPerFamily.Mean);
        Assert.All(small.AgenciesPerFamily.Buckets, b => Assert.True(b.Count.Suppressed));
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), small.SingleAgency);

        var north = report.Areas[1];
        Assert.False(north.Suppressed);
        Assert.Equal(new PublishedCount(10), north.Families);
        Assert.Equal(new PublishedShare(new PublishedCount(5), 0.5), north.ThreeOrMoreAgencies); // 7
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), north.SingleAgency); // 3
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), north.NoKeyWorker); // 4
        Assert.Equal(2.0, north.PractitionersPerFamily.Mean);
        Assert.Equal(2.4, north.AgenciesPerFamily.Mean);

        var overall = report.Overall;
        Assert.Null(overall.Area);
        Assert.Equal(new PublishedCount(20), overall.Families);
        Assert.Equal(1.5, overall.PractitionersPerFamily.Mean); // (10 × 2 + 10 × 1) / 20: the small area's nines are left out
        Assert.Equal(new PublishedShare(new PublishedCount(5), 0.25), overall.ThreeOrMoreAgencies); // 7
        Assert.Equal(new PublishedShare(new PublishedCount(10), 0.5), overall.SingleAgency); // 3 + 5
        Assert.Equal(new PublishedShare(PublishedCount.Hidden, null), overall.NoKeyWorker); // 4
    }

    [Fact]
    public void An_area_of_exactly_five_families_is_published_and_counted_in_the_total()
    {
        var report = DensityReport.Build([.. Enumerable.Range(0, 5).Select(_ => Family("Five", practitioners: 3))]);

        Assert.False(report.Areas.Single().Suppressed);
        Assert.Equal(new PublishedCount(5), report.Overall.Families);
        Assert.Equal(3.0, report.Overall.PractitionersPerFamily.Mean);
    }

    [Fact]
    public void A_density_report_of_no_families_publishes_a_count_of_zero_and_no_distribution()
    {
        var overall = DensityReport.Build([]).Overall;

        Assert.Equal(new PublishedCount(0), overall.Families);
        Assert.False(overall.Suppressed);
        Assert.Null(overall.AgenciesPerFamily.Mean);
        Assert.All(overall.PractitionersPerFamily.Buckets, b => Assert.True(b.Count.Suppressed));
        Assert.Equal(new PublishedShare(new PublishedCount(0), null), overall.SingleAgency);
    }

    [Fact]
    public void A_caseload_row_shows_its_clients_and_spread_only_with_its_families()
    {
        var figures = new CaseloadFigures(
            [.. Enumerable.Range(0, 5).Select(i => new PractitionerCaseload($"p{i}", "big", 6, 12)), new PractitionerCaseload("q", "few", 3, 3)],
            [new AgencyCaseloadCount("big", 30, 60), new AgencyCaseloadCount("few", 3, 3)],
            33, 63);

        var rows = CaseloadReport.Build(figures);

        Assert.Equal([null, "big", "few"], rows.Select(r => r.AgencyId));
        var overall = rows[0];
        Assert.Equal((new PublishedCount(5), new PublishedCount(35), new PublishedCount(65)), (overall.Practitioners, overall.Families, overall.Clients));
        var big = rows[1];
        Assert.Equal((new PublishedCount(5), new PublishedCount(30), new PublishedCount(60)), (big.Practitioners, big.Families, big.Clients));
        Assert.Equal((6.0, 6.0), (big.FamiliesPerPractitioner.Mean, big.FamiliesPerPractitioner.Median));
        Assert.Equal(12.0, big.ClientsPerPractitioner.Mean);
        var few = rows[2];
        Assert.Equal((PublishedCount.Hidden, PublishedCount.Hidden, PublishedCount.Hidden), (few.Practitioners, few.Families, few.Clients));
        Assert.Null(few.ClientsPerPractitioner.Mean);
    }

    [Fact]
    public void An_agency_whose_families_are_suppressed_shows_neither_its_practitioners_nor_its_clients()
    {
        // Six practitioners sharing three families: the families are suppressed, so nothing of the row is shown.
        var figures = new CaseloadFigures([.. Enumerable.Range(0, 6).Select(i => new PractitionerCaseload($"p{i}", "shared", 3, 20))],
            [new AgencyCaseloadCount("shared", 3, 20)], 3, 20);

        var shared = CaseloadReport.Build(figures)[1];

        Assert.Equal((PublishedCount.Hidden, PublishedCount.Hidden, PublishedCount.Hidden), (shared.Practitioners, shared.Families, shared.Clients));
        Assert.Null(shared.FamiliesPerPractitioner.Mean);
    }

    [Fact]
    public void An_agency_pair_in_an_area_with_no_published_family_count_is_suppressed_however_many_it_shares()
    {
        var report = CoInvolvementReport.Build([new AgencyPairCount("Unknown", "a1", "a2", 12)], new Dictionary<string, int>());

        Assert.Equal([("Unknown", true)], report.Select(p => (p.Area, p.Families.Suppressed)));
    }

    [Fact]
    public void An_agency_pair_counts_only_in_areas_whose_family_count_is_published()
    {
        var pairs = new AgencyPairCount[]
        {
            new("North", "a1", "a2", 6),
            new("North", "a1", "a3", 12),
            new("Small", "a1", "a2", 4),
            new("East", "a1", "a2", 7),
        };
        var families = new Dictionary<string, int> { ["North"] = 40, ["Small"] = 4, ["East"] = 5 };

        var report = CoInvolvementReport.Build(pairs, families);

        Assert.Equal(
            [(null, "a1", "a2", "15"), (null, "a1", "a3", "10"), ("East", "a1", "a2", "5"), ("North", "a1", "a3", "10"),
             ("North", "a1", "a2", "5"), ("Small", "a1", "a2", "suppressed")],
            report.Select(p => (p.Area, p.FirstAgencyId, p.SecondAgencyId, p.Families.ToString())));
    }

    [Fact]
    public void Agency_pairs_with_the_same_count_are_listed_by_their_ids()
    {
        var pairs = new AgencyPairCount[] { new("North", "b", "c", 5), new("North", "a", "d", 5), new("North", "a", "c", 5) };

        var report = CoInvolvementReport.Build(pairs, new Dictionary<string, int> { ["North"] = 10 });

        Assert.Equal([("a", "c"), ("a", "d"), ("b", "c")], report.Where(p => p.Area is null).Select(p => (p.FirstAgencyId, p.SecondAgencyId)));
    }
}
