using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>Each report as a CSV table: one header row, then the same figures GraphQL gives, suppression included.</summary>
public static class ReportCsv
{
    public static Csv Density(DensityReport report)
    {
        var csv = new Csv().Row([
            "area", "families",
            .. DistributionHeader("practitioners_per_family", report.Overall.PractitionersPerFamily),
            .. DistributionHeader("agencies_per_family", report.Overall.AgenciesPerFamily),
            "three_or_more_agencies", "three_or_more_agencies_share", "single_agency", "single_agency_share",
            "no_key_worker", "no_key_worker_share"]);
        foreach (var row in report.Areas.Append(report.Overall))
        {
            csv.Row([
                row.Area ?? "all published areas", row.Families,
                .. DistributionCells(row.PractitionersPerFamily), .. DistributionCells(row.AgenciesPerFamily),
                .. ShareCells(row.ThreeOrMoreAgencies), .. ShareCells(row.SingleAgency), .. ShareCells(row.NoKeyWorker)]);
        }
        return csv;
    }

    public static Csv FamilyNetworks(IReadOnlyList<FamilyNetworkGroup> groups)
    {
        var csv = new Csv().Row("area", "agencies", "last_contact", "families", "with_key_worker", "with_visit_planned",
            "practitioners_per_family", "members_with_involvement_share");
        foreach (var g in groups)
        {
            csv.Row(g.Area, Names.Constant(g.Agencies), Names.Constant(g.LastContact), g.Families, g.WithKeyWorker, g.WithVisitPlanned,
                g.PractitionersPerFamily, g.MembersWithInvolvementShare);
        }
        return csv;
    }

    public static Csv AgencyPairs(IReadOnlyList<AgencyPair> pairs, IReadOnlyDictionary<string, Agency> agencies)
    {
        var csv = new Csv().Row("area", "first_agency", "second_agency", "families");
        foreach (var p in pairs)
        {
            csv.Row(p.Area ?? "all published areas", NameOf(agencies, p.FirstAgencyId), NameOf(agencies, p.SecondAgencyId), p.Families);
        }
        return csv;
    }

    public static Csv Caseloads(IReadOnlyList<AgencyCaseload> rows, IReadOnlyDictionary<string, Agency> agencies)
    {
        var first = rows[0];
        var csv = new Csv().Row([
            "agency", "practitioners", "families", "clients",
            .. DistributionHeader("families_per_practitioner", first.FamiliesPerPractitioner),
            .. DistributionHeader("clients_per_practitioner", first.ClientsPerPractitioner)]);
        foreach (var r in rows)
        {
            csv.Row([
                r.AgencyId is null ? "all agencies" : NameOf(agencies, r.AgencyId), r.Practitioners, r.Families, r.Clients,
                .. DistributionCells(r.FamiliesPerPractitioner), .. DistributionCells(r.ClientsPerPractitioner)]);
        }
        return csv;
    }

    public static Csv FamiliesWithoutContact(IReadOnlyList<NoContactRow> rows)
    {
        var csv = new Csv().Row("reference", "area", "last_contact", "has_active_involvement", "only_overdue_visits", "reasons");
        foreach (var r in rows)
        {
            csv.Row(r.Reference, r.Area, Names.Constant(r.LastContact), r.HasActiveInvolvement, r.OnlyOverdueVisits,
                string.Join(' ', r.Reasons.Select(Names.Constant)));
        }
        return csv;
    }

    private static string NameOf(IReadOnlyDictionary<string, Agency> agencies, string id) =>
        agencies.TryGetValue(id, out var agency) ? agency.Name : id;

    private static IEnumerable<object?> DistributionHeader(string name, Distribution shape) =>
        [$"{name}_mean", $"{name}_median", .. shape.Buckets.Select(b => $"{name}_{b.Label.Replace('–', '_').Replace("+", "_or_more", StringComparison.Ordinal)}")];

    private static IEnumerable<object?> DistributionCells(Distribution d) =>
        [d.Mean is { } mean ? mean : SmallCounts.SuppressedText, d.Median is { } median ? median : SmallCounts.SuppressedText,
         .. d.Buckets.Select(b => (object?)b.Count)];

    private static IEnumerable<object?> ShareCells(PublishedShare share) =>
        [share.Count, share.Share is { } s ? s : SmallCounts.SuppressedText];
}

/// <summary>Enum values as GraphQL spells them (NO_RECENT_CONTACT), so CSV and GraphQL use the same words.</summary>
public static class Names
{
    public static string Constant<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
