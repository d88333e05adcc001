using Patchwork.Reports;

namespace Patchwork.Ports;

/// <summary>
/// Analysts' and commissioners' reports. The store answers with true, per-family (or per-practitioner) figures; it
/// never suppresses, rounds or pseudonymises: that is done once, above the port, so both adapters are held to the
/// same raw answers and the same disclosure rules apply to both.
/// </summary>
public interface INetworkReports
{
    /// <summary>
    /// Every family the filter selects, with its network as it was at <see cref="ReportFilter.At"/>. Without
    /// <paramref name="withVisits"/> the last contact and next visit are left null (they cost the most to work out).
    /// </summary>
    Task<IReadOnlyList<FamilyNetwork>> GetFamilyNetworksAsync(ReportFilter filter, bool withVisits, CancellationToken cancellationToken);

    /// <summary>Pairs of agencies with a current involvement around the same family: per area, how many families.</summary>
    Task<IReadOnlyList<AgencyPairCount>> GetAgencyPairsAsync(ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Each practitioner with an involvement active at the filter's moment, and the distinct families and clients per agency and overall.</summary>
    Task<CaseloadFigures> GetCaseloadsAsync(ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Families that meet any of the query's reasons (no recent contact, no active involvement, only overdue visits).</summary>
    Task<IReadOnlyList<FamilyActivity>> FindFamiliesWithoutContactAsync(NoContactQuery query, CancellationToken cancellationToken);

    /// <summary>Every family's id: a pseudonymous reference is resolved by computing it over these.</summary>
    Task<IReadOnlyList<string>> GetFamilyIdsAsync(CancellationToken cancellationToken);
}
