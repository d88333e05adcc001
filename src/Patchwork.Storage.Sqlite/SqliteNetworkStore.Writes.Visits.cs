using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Planning, recording and cancelling visits.
public sealed partial class SqliteNetworkStore
{
    private const string CompleteVisitSql =
        "UPDATE visit SET status = 'Completed', completed_at = $completed_at, mode = $mode WHERE id = $id";

    private const string CancelVisitSql = "UPDATE visit SET status = 'Cancelled' WHERE id = $id";

    public Task<Visit> ScheduleVisitAsync(NewVisit visit, Actor actor, CancellationToken cancellationToken)
    {
        var now = Now();
        var valid = visit.Validated(now);
        return WriteAsync(async transaction =>
        {
            await RequireClientAsync(transaction, valid.ClientId, cancellationToken);
            await RequireInTeamAsync(transaction, actor, valid.ClientId, cancellationToken);
            var planned = new Visit(Ids.New(), valid.ClientId, actor.Practitioner, valid.Mode, VisitStatus.Planned,
                Db.Stored(valid.ScheduledFor), CompletedAt: null, Restricted: false);
            await ExecuteAsync(new SqliteCommand(Inserts.Visit, transaction.Connection, transaction).BindVisit(planned), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.ScheduledVisit(actor, now, valid.ClientId, planned.Id), cancellationToken);
            // Read back, so Restricted is derived from the involvements exactly as every other read derives it.
            return await RequireVisitAsync(transaction, planned.Id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Records a contact: completes the actor's planned visit, or adds an unplanned one.</summary>
    public Task<Visit> RecordContactAsync(NewContact contact, Actor actor, CancellationToken cancellationToken)
    {
        var now = Now();
        var valid = contact.Validated(now);
        return WriteAsync(async transaction =>
        {
            await RequireClientAsync(transaction, valid.ClientId, cancellationToken);
            await RequireInTeamAsync(transaction, actor, valid.ClientId, cancellationToken);
            var visitId = valid.VisitId is null
                ? await AddUnplannedContactAsync(transaction, valid, actor, cancellationToken)
                : await CompletePlannedVisitAsync(transaction, valid, valid.VisitId, actor, cancellationToken);
            await AppendAsync(transaction, ChangeAudit.RecordedContact(actor, now, valid.ClientId, visitId, wasPlanned: valid.VisitId is not null), cancellationToken);
            return await RequireVisitAsync(transaction, visitId, cancellationToken);
        }, cancellationToken);
    }

    public Task<Visit> CancelVisitAsync(string visitId, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(visitId, "visitId");
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var visit = await RequireVisitAsync(transaction, visitId, cancellationToken);
            RequireOwnPlannedVisit(visit, actor);
            await ExecuteAsync(new SqliteCommand(CancelVisitSql, transaction.Connection, transaction).Bind("$id", visitId), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.CancelledVisit(actor, now, visit), cancellationToken);
            return visit with { Status = VisitStatus.Cancelled };
        }, cancellationToken);
    }

    private static async Task<string> AddUnplannedContactAsync(
        SqliteTransaction transaction, NewContact contact, Actor actor, CancellationToken cancellationToken)
    {
        var visit = new Visit(Ids.New(), contact.ClientId, actor.Practitioner, contact.Mode, VisitStatus.Completed,
            ScheduledFor: null, Db.Stored(contact.CompletedAt), Restricted: false);
        await ExecuteAsync(new SqliteCommand(Inserts.Visit, transaction.Connection, transaction).BindVisit(visit), cancellationToken);
        return visit.Id;
    }

    private static async Task<string> CompletePlannedVisitAsync(
        SqliteTransaction transaction, NewContact contact, string visitId, Actor actor, CancellationToken cancellationToken)
    {
        var visit = await RequireVisitAsync(transaction, visitId, cancellationToken);
        if (visit.ClientId != contact.ClientId)
        {
            throw PatchworkException.BadInput("visitId names a visit with another client.");
        }
        RequireOwnPlannedVisit(visit, actor);
        await ExecuteAsync(new SqliteCommand(CompleteVisitSql, transaction.Connection, transaction)
            .Bind("$id", visitId)
            .Bind("$completed_at", Db.Stored(contact.CompletedAt))
            .Bind("$mode", contact.Mode), cancellationToken);
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

    private static async Task<Visit> RequireVisitAsync(SqliteTransaction transaction, string visitId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(VisitByIdSql, transaction.Connection, transaction).Bind("$id", visitId),
            r => VisitRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("visit", visitId);
}
