using Patchwork.Api.Identity;

namespace Patchwork.Api.Reports;

/// <summary>
/// Who may use which report, in GraphQL and as CSV alike. Analysts explore the network (density, agency pairs,
/// caseloads); commissioners see the same, and also the families nobody has contacted, and ask for follow-ups.
/// Practitioners and administrators use none of them.
/// </summary>
public static class ReportAccess
{
    public static readonly Role[] Analysis = [Role.Analyst, Role.Commissioner];

    public static readonly Role[] Commissioning = [Role.Commissioner];
}
