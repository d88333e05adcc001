using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.ReportNetwork;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// The small-count rule applied to what each adapter returns, and the subtraction attacks it must withstand.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task Density_by_area_rounds_to_fives_suppresses_small_cells_and_hides_a_small_area_entirely()
    {
        var reports = await ReportNetworkAsync(BuildForSuppression());

        var density = DensityReport.Build(await reports.GetFamilyNetworksAsync(Everything(), withVisits: false, Ct));

        var big = density.Areas.Single(a => a.Area == "Big");
        Assert.Equal(10, big.Families.Value); // 12
        Assert.Equal((2.3, 3.0), (big.AgenciesPerFamily.Mean, big.AgenciesPerFamily.Median));
        // 0, 1 (3 families), 2 (2 families), 3 (7 families), 4, 5–9, 10+
        Assert.Equal(["0", "suppressed", "suppressed", "5", "0", "0", "0"], big.AgenciesPerFamily.Buckets.Select(b => b.Count.ToString()));
        Assert.Equal((5, 0.5), (big.ThreeOrMoreAgencies.Count.Value, big.ThreeOrMoreAgencies.Share)); // 7 of 12
        Assert.Equal((true, (double?)null), (big.SingleAgency.Count.Suppressed, big.SingleAgency.Share)); // 3
        Assert.Equal((5, 0.5), (big.NoKeyWorker.Count.Value, big.NoKeyWorker.Share)); // 5 of 12

        var small = density.Areas.Single(a => a.Area == "Small");
        Assert.True(small.Suppressed);
        Assert.All(small.AgenciesPerFamily.Buckets.Concat(small.PractitionersPerFamily.Buckets), b => Assert.True(b.Count.Suppressed));
        Assert.Null(small.AgenciesPerFamily.Mean);
        Assert.Null(small.PractitionersPerFamily.Median);
        Assert.All(new[] { small.ThreeOrMoreAgencies, small.SingleAgency, small.NoKeyWorker }, s => Assert.True(s.Count.Suppressed));
    }

    [ContractFact]
    public async Task The_overall_row_minus_the_visible_areas_does_not_reveal_a_suppressed_area()
    {
        var reports = await ReportNetworkAsync(BuildForSuppression());

        var density = DensityReport.Build(await reports.GetFamilyNetworksAsync(Everything(), withVisits: false, Ct));

        // Fifteen families in all, three of them in Small: a total of 15 minus Big's 12 would give Small away.
        var visible = density.Areas.Where(a => !a.Suppressed).Sum(a => a.Families.Value!.Value);
        Assert.Equal(0, density.Overall.Families.Value - visible);
        Assert.Equal(big(density).AgenciesPerFamily.Buckets.Select(b => b.Count), density.Overall.AgenciesPerFamily.Buckets.Select(b => b.Count));
        Assert.Equal(big(density).AgenciesPerFamily.Mean, density.Overall.AgenciesPerFamily.Mean);

        static AreaDensity big(DensityReport report) => report.Areas.Single(a => a.Area == "Big");
    }

    [ContractFact]
    public async Task No_two_published_counts_differ_by_a_small_count_whatever_the_filters()
    {
        var reports = await ReportNetworkAsync(BuildForSuppression());
        var counts = new List<int>();
        foreach (var area in new[] { null, "Big", "Small" })
        {
            foreach (var kind in new AgencyKind?[] { null, AgencyKind.CountyCouncil, AgencyKind.Health, AgencyKind.School, AgencyKind.Police })
            {
                var filter = new ReportFilter(area, kind, Now);
                var density = DensityReport.Build(await reports.GetFamilyNetworksAsync(filter, withVisits: false, Ct));
                counts.AddRange(density.Areas.Append(density.Overall).SelectMany(Counts));
                var perArea = (await reports.GetFamilyNetworksAsync(filter with { AgencyKind = null }, false, Ct))
                    .GroupBy(f => f.Area).ToDictionary(g => g.Key, g => g.Count());
                counts.AddRange(CoInvolvementReport.Build(await reports.GetAgencyPairsAsync(filter, Ct), perArea)
                    .Select(p => p.Families).OfType<PublishedCount>().Where(c => !c.Suppressed).Select(c => c.Value!.Value));
                counts.AddRange(CaseloadReport.Build(await reports.GetCaseloadsAsync(filter, Ct)).SelectMany(CaseloadCounts));
            }
        }

        // Many of the true figures are small (3 families in Small, 3 single-agency and 3 without health in Big …),
        // yet every published count is a multiple of 5, so no difference of two answers can equal one of them.
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Equal(0, c % SmallCounts.Base));
        Assert.DoesNotContain(counts.SelectMany(a => counts.Select(b => Math.Abs(a - b))), d => d is > 0 and < SmallCounts.Threshold);
    }

    [ContractFact]
    public async Task Agency_pairs_in_a_small_area_are_suppressed_and_left_out_of_the_totals()
    {
        var reports = await ReportNetworkAsync(ReportNetwork.Build());
        var perArea = (await reports.GetFamilyNetworksAsync(Everything(), false, Ct)).GroupBy(f => f.Area).ToDictionary(g => g.Key, g => g.Count());

        var pairs = CoInvolvementReport.Build(await reports.GetAgencyPairsAsync(Everything(), Ct), perArea);

        // North has three families, each pair shares one: suppressed where they are, and counted in no overall pair.
        Assert.All(pairs.Where(p => p.Area == "North"), p => Assert.True(p.Families.Suppressed));
        Assert.DoesNotContain(pairs, p => p.Area is null);
        Assert.Equal(3, pairs.Count);
    }

    private static IEnumerable<int> Counts(AreaDensity row) =>
        new[] { row.Families, row.ThreeOrMoreAgencies.Count, row.SingleAgency.Count, row.NoKeyWorker.Count }
            .Concat(row.AgenciesPerFamily.Buckets.Select(b => b.Count))
            .Concat(row.PractitionersPerFamily.Buckets.Select(b => b.Count))
            .Where(c => !c.Suppressed).Select(c => c.Value!.Value);

    private static IEnumerable<int> CaseloadCounts(AgencyCaseload row) =>
        new[] { row.Practitioners, row.Families, row.Clients }
            .Concat(row.FamiliesPerPractitioner.Buckets.Select(b => b.Count))
            .Concat(row.ClientsPerPractitioner.Buckets.Select(b => b.Count))
            .Where(c => !c.Suppressed).Select(c => c.Value!.Value);
}
