namespace Patchwork;

/// <summary>
/// Which part of the network a report looks at. <see cref="AgencyKind"/> narrows the network to that kind of agency:
/// only its involvements, contacts and visits count (the families stay the same, so two filters never differ in
/// whom they count, only in what). <see cref="At"/> is the moment the network is seen as it was: involvements
/// active then (since ≤ at, not ended by then), contacts completed before it, visits planned from it on.
/// </summary>
public sealed record ReportFilter(string? Area, AgencyKind? AgencyKind, DateTimeOffset At);

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

/// <summary>Two agencies (ordered by id) working around the same families in one area.</summary>
public sealed record AgencyPairCount(string Area, string FirstAgencyId, string SecondAgencyId, int Families);

/// <summary>A practitioner's current caseload: the families and clients they are involved with.</summary>
public sealed record PractitionerCaseload(string PractitionerId, string AgencyId, int Families, int Clients);

/// <summary>Distinct families and clients an agency works with (a family two of its practitioners share counts once).</summary>
public sealed record AgencyCaseloadCount(string AgencyId, int Families, int Clients);

public sealed record CaseloadFigures(
    IReadOnlyList<PractitionerCaseload> Practitioners,
    IReadOnlyList<AgencyCaseloadCount> Agencies,
    int Families,
    int Clients);

public enum NoContactReason { NoRecentContact, NoActiveInvolvement, OnlyOverdueVisits }

/// <summary>
/// Families to find: those with no completed contact since <see cref="ContactSince"/> (or never), those with no
/// active involvement, those whose planned visits are all before <see cref="At"/>; any of <see cref="Reasons"/>.
/// </summary>
public sealed record NoContactQuery(
    string? Area,
    AgencyKind? AgencyKind,
    DateTimeOffset At,
    DateTimeOffset ContactSince,
    IReadOnlySet<NoContactReason> Reasons);

/// <summary>What a commissioner needs to know about one family's activity.</summary>
public sealed record FamilyActivity(
    string FamilyId,
    string Area,
    DateTimeOffset? LastContactAt,
    bool HasActiveInvolvement,
    DateTimeOffset? LatestPlannedVisit);

/// <summary>
/// Key worker. The graph has no key-worker flag, so a family has one when a member has a current involvement with a
/// practitioner of a lead agency: the county council, whose social workers and family support workers are the lead
/// professionals for safeguarding, child-in-need and early-help plans. Kept in one place so an explicit marker on
/// the involvement could replace it without changing any report.
/// </summary>
public static class KeyWorker
{
    public static readonly IReadOnlyList<AgencyKind> LeadKinds = [AgencyKind.CountyCouncil];
}

public enum FollowUpRoute { Team, Duty }

/// <summary>A commissioner's request to follow a family up, as its recipients see it: never who made it.</summary>
public sealed record FollowUpRequest(
    string Id,
    string FamilyId,
    DateTimeOffset RequestedAt,
    string Reason,
    FollowUpRoute Route,
    IReadOnlyList<string> AgencyIds);

public sealed record NewFollowUp(string FamilyId, string Reason)
{
    public NewFollowUp Validated() => this with
    {
        FamilyId = Check.Id(FamilyId, "familyId"),
        Reason = Check.Reason(Reason),
    };

    /// <summary>
    /// The request as routed, made once for every store: refused when there is nobody to send it to, with the
    /// audit entry that records where it went.
    /// </summary>
    public (FollowUpRequest Request, AuditEntry Audit) Routed(FollowUpCandidates candidates, DateTimeOffset at, Actor actor)
    {
        var (route, agencyIds) = candidates.Choose(DateOnly.FromDateTime(at.UtcDateTime));
        if (agencyIds.Count == 0)
        {
            throw PatchworkException.Conflict(
                "The family has no team and no agency with a data-sharing agreement in force to route the request to.");
        }
        var request = new FollowUpRequest(Ids.New(), FamilyId, at, Reason, route, agencyIds);
        var to = route == FollowUpRoute.Team ? "family's team" : "duty contacts";
        return (request, actor.Audited(at, AuditAction.RequestFollowUp, null, FamilyId, Reason,
            $"Routed to the {to} of {agencyIds.Count} agencies."));
    }
}

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
