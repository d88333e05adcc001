namespace Patchwork.Reports;

/// <summary>How many agencies work around a family, in the bands the family-network groups are keyed on.</summary>
public enum AgencyBand { None, One, Two, ThreeOrMore }
