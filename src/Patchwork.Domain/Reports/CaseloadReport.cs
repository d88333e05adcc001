namespace Patchwork.Reports;

public static class CaseloadReport
{
    /// <summary>The overall row first, then one row per agency with a caseload.</summary>
    public static IReadOnlyList<AgencyCaseload> Build(CaseloadFigures figures)
    {
        var perAgency = figures.Agencies.ToDictionary(a => a.AgencyId, a => (a.Families, a.Clients));
        var rows = figures.Practitioners.GroupBy(c => c.AgencyId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g], perAgency.GetValueOrDefault(g.Key)));
        return [Row(null, figures.Practitioners, (figures.Families, figures.Clients)), .. rows];
    }

    private static AgencyCaseload Row(string? agencyId, IReadOnlyList<PractitionerCaseload> caseloads, (int Families, int Clients) distinct)
    {
        var families = SmallCounts.Publish(distinct.Families);
        var published = !families.Suppressed;
        var practitioners = published ? SmallCounts.Publish(caseloads.Count) : PublishedCount.Hidden;
        // A mean or median over 1–4 practitioners is close to one person's caseload ("one practitioner, 7 families"):
        // the spread is shown only when the number of practitioners it is spread over is shown too.
        var spread = published && !practitioners.Suppressed;
        return new AgencyCaseload(
            agencyId,
            practitioners,
            families,
            published ? SmallCounts.Publish(distinct.Clients) : PublishedCount.Hidden,
            Distribution.Of([.. caseloads.Select(c => c.Families)], Distribution.PerPractitioner, spread),
            Distribution.Of([.. caseloads.Select(c => c.Clients)], Distribution.PerPractitioner, spread));
    }
}
