namespace Patchwork.Reports;

/// <summary>
/// Families with the same area, agency band and contact recency, and what is true of them together. Counts are
/// published counts; the means are over the group's families, to one decimal.
/// </summary>
public sealed record FamilyNetworkGroup(
    string Area,
    AgencyBand Agencies,
    ContactRecency LastContact,
    PublishedCount Families,
    PublishedCount WithKeyWorker,
    PublishedCount WithVisitPlanned,
    double PractitionersPerFamily,
    double MembersWithInvolvementShare);
