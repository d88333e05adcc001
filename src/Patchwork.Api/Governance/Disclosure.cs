using Patchwork.Api.Identity;
using Patchwork.Network;

namespace Patchwork.Api.Governance;

/// <summary>
/// What a viewer may see of the involvements around one household: a family, or a client who is in none. The rule
/// is the household's, not a member's, so no path (a member's team, the family's, visits, team changes) can be set
/// beside another to say more:
/// <list type="bullet">
/// <item>a practitioner with a restricted involvement with any member is withheld for the whole household: none of
/// their involvements, visits or team changes is shown, to anyone but themself;</item>
/// <item>in their place, every team of the household (the family's and each member's alike) shows one notice per
/// agency: that a restricted service is involved and its duty line, with no name, client, date or count.</item>
/// </list>
/// </summary>
public sealed class Disclosure
{
    public const string RestrictedNotice = "A restricted service is involved — contact it through its duty line.";

    private readonly string? _viewerId;
    private readonly HashSet<string> _withheld;
    private readonly IReadOnlyList<TeamMember> _notices;

    /// <param name="household">Every current involvement around the household, one entry per practitioner or more.</param>
    public Disclosure(IEnumerable<TeamMember> household, Viewer viewer)
    {
        _viewerId = viewer.Practitioner?.Id;
        var withheld = household.Where(m => m.Restricted && m.Practitioner.Id != _viewerId).ToList();
        _withheld = withheld.Select(m => m.Practitioner.Id).ToHashSet(StringComparer.Ordinal);
        _notices = [.. withheld.DistinctBy(m => m.Agency.Id).OrderBy(m => m.Agency.Id, StringComparer.Ordinal).Select(Notice)];
    }

    /// <summary>A team of the household as the viewer may see it: its entries less the withheld, then the notices.</summary>
    public IReadOnlyList<TeamMember> Team(IEnumerable<TeamMember> entries) =>
        [.. entries.Where(e => !_withheld.Contains(e.Practitioner.Id)), .. _notices];

    public IEnumerable<Visit> Visits(IEnumerable<Visit> visits) =>
        visits.Where(v => Shows(v.PractitionerId, v.Restricted));

    public IEnumerable<TeamChange> Changes(IEnumerable<TeamChange> changes) =>
        changes.Where(c => Shows(c.Practitioner.Id, c.Restricted));

    /// <summary>Whether this practitioner is withheld from the viewer throughout the household.</summary>
    public bool Withholds(string practitionerId) => _withheld.Contains(practitionerId);

    /// <summary>Whether a team entry is a notice for the viewer: a restricted involvement that is not their own.</summary>
    public static bool IsMasked(TeamMember member, Viewer viewer) =>
        member.Restricted && member.Practitioner.Id != viewer.Practitioner?.Id;

    public static bool IsMasked(TeamChange change, Viewer viewer) =>
        change.Restricted && change.Practitioner.Id != viewer.Practitioner?.Id;

    private bool Shows(string practitionerId, bool restricted) =>
        practitionerId == _viewerId || (!restricted && !_withheld.Contains(practitionerId));

    /// <summary>A notice carries the agency alone: the fields it cannot leave out are emptied here, at the source.</summary>
    private static TeamMember Notice(TeamMember member) => member with
    {
        Supports = [],
        Since = DateTimeOffset.UnixEpoch,
        LastContactAt = null,
        NextVisitAt = null,
        Restricted = true,
    };
}
