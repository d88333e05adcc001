using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Joining and leaving a client's team, and a practitioner's own contact details.
public sealed partial class SqliteNetworkStore
{
    private const string EndInvolvementSql = """
        UPDATE involvement SET ended_on = $now, end_reason = $reason
        WHERE practitioner_id = $practitioner AND client_id = $client AND ended_on IS NULL
        """;

    private const string CancelPlannedVisitsSql = """
        UPDATE visit SET status = 'Cancelled'
        WHERE practitioner_id = $practitioner AND client_id = $client AND status = 'Planned'
        """;

    private const string UpdateContactDetailsSql = """
        UPDATE practitioner SET email = $email, mobile = $mobile, landline = $landline, preferred_contact = $preferred
        WHERE id = $id
        """;

    /// <summary>
    /// Adds the actor to the client's team. A restricted service's involvements are always restricted,
    /// whatever the caller asked for.
    /// </summary>
    public Task<Involvement> JoinTeamAsync(string clientId, string reason, bool restricted, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async transaction =>
        {
            await RequireClientAsync(transaction, clientId, cancellationToken);
            var agency = await RequireAgencyOfAsync(transaction, actor.Practitioner, cancellationToken);
            if (await FindCurrentInvolvementAsync(transaction, actor.Practitioner, clientId, cancellationToken) is not null)
            {
                throw PatchworkException.Conflict("You are already in this client's team.");
            }
            var involvement = new Involvement(actor.Practitioner, clientId, now, validReason,
                restricted || agency.RestrictedService, EndedOn: null, EndReason: null);
            await ExecuteAsync(new SqliteCommand(Inserts.Involvement, transaction.Connection, transaction).BindInvolvement(involvement), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.JoinedTeam(actor, now, involvement), cancellationToken);
            return involvement;
        }, cancellationToken);
    }

    /// <summary>Ends the actor's involvement; their visits still planned with the client will not happen now.</summary>
    public Task<Involvement> LeaveTeamAsync(string clientId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async transaction =>
        {
            await RequireClientAsync(transaction, clientId, cancellationToken);
            var current = await FindCurrentInvolvementAsync(transaction, actor.Practitioner, clientId, cancellationToken)
                ?? throw PatchworkException.Conflict("You are not in this client's team.");
            await ExecuteAsync(new SqliteCommand(EndInvolvementSql, transaction.Connection, transaction)
                .Bind("$practitioner", actor.PractitionerId)
                .Bind("$client", clientId)
                .Bind("$now", now)
                .Bind("$reason", validReason), cancellationToken);
            var cancelled = await ExecuteAsync(new SqliteCommand(CancelPlannedVisitsSql, transaction.Connection, transaction)
                .Bind("$practitioner", actor.PractitionerId)
                .Bind("$client", clientId), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.LeftTeam(actor, now, clientId, validReason, cancelled), cancellationToken);
            return current with { EndedOn = now, EndReason = validReason };
        }, cancellationToken);
    }

    public Task<Practitioner> UpdateContactDetailsAsync(ContactDetails details, Actor actor, CancellationToken cancellationToken)
    {
        var valid = details.Validated();
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var practitioner = await RequirePractitionerAsync(transaction, actor.Practitioner, cancellationToken);
            await ExecuteAsync(new SqliteCommand(UpdateContactDetailsSql, transaction.Connection, transaction)
                .Bind("$id", practitioner.Id)
                .Bind("$email", valid.Email)
                .Bind("$mobile", valid.Mobile)
                .Bind("$landline", valid.Landline)
                .Bind("$preferred", valid.PreferredContact), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.UpdatedContactDetails(actor, now, valid.PreferredContact), cancellationToken);
            return practitioner with
            {
                Email = valid.Email,
                Mobile = valid.Mobile,
                Landline = valid.Landline,
                PreferredContact = valid.PreferredContact,
            };
        }, cancellationToken);
    }
}
