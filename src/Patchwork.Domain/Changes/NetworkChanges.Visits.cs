using Patchwork.Network;

namespace Patchwork.Changes;

// Planning, recording and cancelling visits.
public sealed partial class NetworkChanges
{
    public Task<Visit> ScheduleVisitAsync(NewVisit visit, Actor actor, CancellationToken cancellationToken)
    {
        var now = Now();
        var valid = visit.Validated(now);
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, valid.ClientId);
            await RequireInTeamAsync(tx, actor, valid.ClientId);
            var planned = new Visit(Ids.New(), valid.ClientId, actor.Practitioner, valid.Mode, VisitStatus.Planned,
                Stored(valid.ScheduledFor), CompletedAt: null, Restricted: false);
            await tx.InsertVisitAsync(planned);
            await AppendAsync(tx, ChangeAudit.ScheduledVisit(actor, now, valid.ClientId, planned.Id));
            // Read back, so Restricted is derived from the involvements exactly as every other read derives it.
            return await RequireVisitAsync(tx, planned.Id);
        }, cancellationToken);
    }

    /// <summary>Records a contact: completes the actor's planned visit, or adds an unplanned one.</summary>
    public Task<Visit> RecordContactAsync(NewContact contact, Actor actor, CancellationToken cancellationToken)
    {
        var now = Now();
        var valid = contact.Validated(now);
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, valid.ClientId);
            await RequireInTeamAsync(tx, actor, valid.ClientId);
            var visitId = valid.VisitId is null
                ? await AddUnplannedContactAsync(tx, valid, actor)
                : await CompletePlannedVisitAsync(tx, valid, valid.VisitId, actor);
            await AppendAsync(tx, ChangeAudit.RecordedContact(actor, now, valid.ClientId, visitId, wasPlanned: valid.VisitId is not null));
            return await RequireVisitAsync(tx, visitId);
        }, cancellationToken);
    }

    public Task<Visit> CancelVisitAsync(string visitId, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(visitId, "visitId");
        var now = Now();
        return WriteAsync(async tx =>
        {
            var visit = await RequireVisitAsync(tx, visitId);
            RequireOwnPlannedVisit(visit, actor);
            await tx.CancelVisitAsync(visitId);
            await AppendAsync(tx, ChangeAudit.CancelledVisit(actor, now, visit));
            return visit with { Status = VisitStatus.Cancelled };
        }, cancellationToken);
    }

    private static async Task<string> AddUnplannedContactAsync(IWriteTransaction tx, NewContact contact, Actor actor)
    {
        var visit = new Visit(Ids.New(), contact.ClientId, actor.Practitioner, contact.Mode, VisitStatus.Completed,
            ScheduledFor: null, Stored(contact.CompletedAt), Restricted: false);
        await tx.InsertVisitAsync(visit);
        return visit.Id;
    }

    private static async Task<string> CompletePlannedVisitAsync(IWriteTransaction tx, NewContact contact, string visitId, Actor actor)
    {
        var visit = await RequireVisitAsync(tx, visitId);
        if (visit.ClientId != contact.ClientId)
        {
            throw PatchworkException.BadInput("visitId names a visit with another client.");
        }
        RequireOwnPlannedVisit(visit, actor);
        await tx.CompleteVisitAsync(visitId, Stored(contact.CompletedAt), contact.Mode);
        return visitId;
    }

    // Only the practitioner who planned a visit can complete or cancel it, and only while it is still planned.
    private static void RequireOwnPlannedVisit(Visit visit, Actor actor)
    {
        if (visit.PractitionerId != actor.PractitionerId)
        {
            throw PatchworkException.Forbidden("Only the practitioner a visit is with can change it.");
        }
        if (visit.Status != VisitStatus.Planned)
        {
            throw PatchworkException.Conflict($"The visit is {visit.Status.ToString().ToLowerInvariant()}, not planned.");
        }
    }
}
