using Patchwork.Network;

namespace Patchwork.Reports;

/// <summary>
/// Who a follow-up about a family could go to, as a store finds them: the agencies of its current team, those that
/// ever worked with a member, and the lead agencies (<see cref="KeyWorker.LeadKinds"/>).
/// </summary>
public sealed record FollowUpCandidates(IReadOnlyList<Agency> Team, IReadOnlyList<Agency> Worked, IReadOnlyList<Agency> Leads)
{
    /// <summary>
    /// The team when it has one, else the duty contacts of the agencies that worked with the family, else of the lead
    /// agencies; at each step only agencies whose data-sharing agreement is in force count, since nobody at any other
    /// can sign in to read the request. The route is chosen as if restricted services were not there — the
    /// commissioner is told where the request went, and a route that a domestic-abuse or sexual-health service decided
    /// would tell them the household used it (the reports count no restricted work either) — and restricted services
    /// of the team (or that worked with the family, for the duty route) then receive it too. Empty when nobody can.
    /// </summary>
    public (FollowUpRoute Route, IReadOnlyList<string> AgencyIds) Choose(DateOnly today)
    {
        var team = Routable(Team, today, restricted: false);
        if (team.Count > 0)
        {
            return (FollowUpRoute.Team, Joined(team, Routable(Team, today, restricted: true)));
        }
        var duty = Routable(Worked, today, restricted: false) is { Count: > 0 } worked ? worked : Routable(Leads, today, restricted: false);
        return (FollowUpRoute.Duty, duty.Count == 0 ? [] : Joined(duty, Routable([.. Team, .. Worked], today, restricted: true)));
    }

    private static List<string> Routable(IEnumerable<Agency> agencies, DateOnly today, bool restricted) =>
        [.. agencies.Where(a => a.RestrictedService == restricted && a.Agreement.IsInForce(today)).Select(a => a.Id)];

    private static List<string> Joined(IEnumerable<string> agencies, IEnumerable<string> restricted) =>
        [.. agencies.Concat(restricted).Distinct().Order(StringComparer.Ordinal)];
}
