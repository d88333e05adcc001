using Patchwork.Network;

namespace Patchwork.Reports;

/// <summary>
/// Key worker. The graph has no key-worker flag, so a family has one when a member has a current involvement with a
/// practitioner of a lead agency: the county council, whose social workers and family support workers are the lead
/// professionals for safeguarding, child-in-need and early-help plans. Kept in one place so an explicit marker on
/// the involvement could replace it without changing any report.
/// </summary>
public static class KeyWorker
{
    public static readonly IReadOnlyList<AgencyKind> LeadKinds = [AgencyKind.CountyCouncil];
}
