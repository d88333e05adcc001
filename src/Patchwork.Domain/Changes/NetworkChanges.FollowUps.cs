using Patchwork.Reports;

namespace Patchwork.Changes;

// Commissioners' follow-up requests: routed to the family's team, or to agencies' duty contacts when it has none.
public sealed partial class NetworkChanges
{
    /// <summary>
    /// Records a commissioner's request that a family be followed up, with its audit entry. It goes to the family's
    /// current team; when the family has none, to the agencies that worked with it before (or, if none ever did, to
    /// the lead agencies), whose duty contacts act on it.
    /// </summary>
    public Task<FollowUpRequest> RequestFollowUpAsync(NewFollowUp request, Actor actor, CancellationToken cancellationToken)
    {
        var valid = request.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            var family = await RequireFamilyAsync(tx, valid.FamilyId);
            var candidates = await tx.GetFollowUpCandidatesAsync(family.Id, KeyWorker.LeadKinds);
            var (followUp, audit) = valid.Routed(candidates, now, actor);
            await tx.InsertFollowUpAsync(followUp);
            await AppendAsync(tx, audit);
            return followUp;
        }, cancellationToken);
    }
}
