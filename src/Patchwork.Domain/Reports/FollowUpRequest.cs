namespace Patchwork.Reports;

/// <summary>A commissioner's request to follow a family up, as its recipients see it: never who made it.</summary>
public sealed record FollowUpRequest(
    string Id,
    string FamilyId,
    DateTimeOffset RequestedAt,
    string Reason,
    FollowUpRoute Route,
    IReadOnlyList<string> AgencyIds);
