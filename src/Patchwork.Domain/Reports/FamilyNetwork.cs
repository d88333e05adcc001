namespace Patchwork.Reports;

/// <summary>
/// One family's network: its members, how many of them have an involvement, the distinct practitioners and
/// agencies around it, whether one of them is a key worker, the last completed contact and the next planned visit.
/// </summary>
public sealed record FamilyNetwork(
    string FamilyId,
    string Area,
    int Members,
    int MembersWithInvolvement,
    int Practitioners,
    int Agencies,
    bool HasKeyWorker,
    DateTimeOffset? LastContactAt,
    DateTimeOffset? NextVisitAt);
