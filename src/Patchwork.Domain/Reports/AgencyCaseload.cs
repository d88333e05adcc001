namespace Patchwork.Reports;

/// <summary>
/// One agency's caseload (or, with a null agency, every agency's): its practitioners with a current involvement,
/// the distinct families and clients they work with, and how families are spread over its practitioners.
/// </summary>
public sealed record AgencyCaseload(
    string? AgencyId,
    PublishedCount Practitioners,
    PublishedCount Families,
    PublishedCount Clients,
    Distribution FamiliesPerPractitioner,
    Distribution ClientsPerPractitioner);
