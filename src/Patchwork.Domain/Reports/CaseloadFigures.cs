namespace Patchwork.Reports;

public sealed record CaseloadFigures(
    IReadOnlyList<PractitionerCaseload> Practitioners,
    IReadOnlyList<AgencyCaseloadCount> Agencies,
    int Families,
    int Clients);
