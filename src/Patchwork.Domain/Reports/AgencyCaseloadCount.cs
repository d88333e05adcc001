namespace Patchwork.Reports;

/// <summary>Distinct families and clients an agency works with (a family two of its practitioners share counts once).</summary>
public sealed record AgencyCaseloadCount(string AgencyId, int Families, int Clients);
