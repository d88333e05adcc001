using Patchwork.Network;

namespace Patchwork.Reports;

/// <summary>
/// Which part of the network a report looks at. <see cref="AgencyKind"/> narrows the network to that kind of agency:
/// only its involvements, contacts and visits count (the families stay the same, so two filters never differ in
/// whom they count, only in what). <see cref="At"/> is the moment the network is seen as it was: involvements
/// active then (since ≤ at, not ended by then), contacts completed before it, visits planned from it on.
/// </summary>
public sealed record ReportFilter(string? Area, AgencyKind? AgencyKind, DateTimeOffset At);
