namespace Patchwork.Network;

/// <summary>
/// One practitioner in the team around a client or a family: who they are, which clients they support,
/// and when they last saw and will next see them. The supported clients come with the team, since every
/// view of a team names them.
/// </summary>
public sealed record TeamMember(
    Practitioner Practitioner,
    Agency Agency,
    IReadOnlyList<Client> Supports,
    DateTimeOffset Since,
    DateTimeOffset? LastContactAt,
    DateTimeOffset? NextVisitAt,
    bool Restricted)
{
    /// <summary>
    /// Merges per-client entries into one entry per practitioner, as a family's team is shown.
    /// A practitioner restricted with any member stays restricted for the whole family, so the
    /// restriction is never undone by a second, ordinary involvement.
    /// </summary>
    public static IReadOnlyList<TeamMember> MergeByPractitioner(IEnumerable<TeamMember> entries) =>
        [.. entries
            .GroupBy(e => e.Practitioner.Id)
            .Select(g => g.Aggregate(Merge))
            .OrderBy(m => m.Restricted)
            .ThenBy(m => m.Since)
            .ThenBy(m => m.Practitioner.Id, StringComparer.Ordinal)];

    private static TeamMember Merge(TeamMember a, TeamMember b) => a with
    {
        Supports = [.. a.Supports.UnionBy(b.Supports, c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal)],
        Since = a.Since <= b.Since ? a.Since : b.Since,
        LastContactAt = Latest(a.LastContactAt, b.LastContactAt),
        NextVisitAt = Earliest(a.NextVisitAt, b.NextVisitAt),
        Restricted = a.Restricted || b.Restricted,
    };

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a >= b ? a : b;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a <= b ? a : b;
}
