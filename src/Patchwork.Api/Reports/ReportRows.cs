using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>
/// A family nobody has contacted, supported or visited on time, and which of those it is; how long since its last
/// contact only as a band, so that no exact date about the family is published.
/// </summary>
public sealed record NoContactRow(
    string Reference,
    string Area,
    ContactRecency LastContact,
    bool HasActiveInvolvement,
    bool OnlyOverdueVisits,
    IReadOnlyList<NoContactReason> Reasons);

/// <summary>One page of a list, and the cursor to ask for the next.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Rows, string? EndCursor, bool HasNextPage);
