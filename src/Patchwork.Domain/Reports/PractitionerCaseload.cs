namespace Patchwork.Reports;

/// <summary>A practitioner's current caseload: the families and clients they are involved with.</summary>
public sealed record PractitionerCaseload(string PractitionerId, string AgencyId, int Families, int Clients);
