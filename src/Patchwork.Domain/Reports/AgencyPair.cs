namespace Patchwork.Reports;

/// <summary>Two agencies and how many families they both work with, in one area (or, with a null area, in all published areas).</summary>
public sealed record AgencyPair(string? Area, string FirstAgencyId, string SecondAgencyId, PublishedCount Families);
