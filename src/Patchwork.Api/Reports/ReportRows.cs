namespace Patchwork.Api.Reports;

/// <summary>
/// One family's network as analysts and commissioners see it: its pseudonymous reference and area, and figures;
/// never a name, a member count, a date of birth or an exact date (days since and days until instead).
/// </summary>
public sealed record FamilyNetworkRow(
    string Reference,
    string Area,
    double MembersWithInvolvementShare,
    int Practitioners,
    int Agencies,
    bool HasKeyWorker,
    int? DaysSinceLastContact,
    int? DaysUntilNextVisit);

/// <summary>A family nobody has contacted, supported or visited on time, and which of those it is.</summary>
public sealed record NoContactRow(
    string Reference,
    string Area,
    int? DaysSinceLastContact,
    bool HasActiveInvolvement,
    bool OnlyOverdueVisits,
    IReadOnlyList<NoContactReason> Reasons);

/// <summary>One page of a list, and the cursor to ask for the next.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Rows, string? EndCursor, bool HasNextPage);
