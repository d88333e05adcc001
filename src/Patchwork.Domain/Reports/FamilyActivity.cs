namespace Patchwork.Reports;

/// <summary>What a commissioner needs to know about one family's activity.</summary>
public sealed record FamilyActivity(
    string FamilyId,
    string Area,
    DateTimeOffset? LastContactAt,
    bool HasActiveInvolvement,
    DateTimeOffset? LatestPlannedVisit);
