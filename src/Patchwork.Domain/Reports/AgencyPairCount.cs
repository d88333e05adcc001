namespace Patchwork.Reports;

/// <summary>Two agencies (ordered by id) working around the same families in one area.</summary>
public sealed record AgencyPairCount(string Area, string FirstAgencyId, string SecondAgencyId, int Families);
