using Patchwork.Api.Identity;

namespace Patchwork.Api.Governance;

/// <summary>
/// What a team member may see of a restricted involvement: only that a restricted service is involved
/// and its agency's duty line. The practitioner themself sees their own involvement in full.
/// </summary>
public static class Disclosure
{
    public const string RestrictedNotice = "A restricted service is involved — contact it through its duty line.";

    public static bool IsMasked(TeamMember member, Viewer viewer) =>
        member.Restricted && member.Practitioner.Id != viewer.Practitioner?.Id;

    public static bool IsMasked(TeamChange change, Viewer viewer) =>
        change.Restricted && change.Practitioner.Id != viewer.Practitioner?.Id;

    public static bool IsVisible(Visit visit, Viewer viewer) =>
        !visit.Restricted || visit.PractitionerId == viewer.Practitioner?.Id;

    public static IEnumerable<Visit> VisibleTo(this IEnumerable<Visit> visits, Viewer viewer) =>
        visits.Where(v => IsVisible(v, viewer));
}
