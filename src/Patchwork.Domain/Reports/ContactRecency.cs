namespace Patchwork.Reports;

/// <summary>How long ago a family's last completed contact was, in the bands reports publish instead of days.</summary>
public enum ContactRecency { WithinAMonth, OneToThreeMonths, ThreeToSixMonths, SixToTwelveMonths, OverAYear, Never }
