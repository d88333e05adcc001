using Patchwork.Auditing;
using Patchwork.Changes;

namespace Patchwork.Reports;

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
