using Patchwork.Network;

namespace Patchwork.Changes;

// Joining and leaving a client's team, and a practitioner's own contact details.
public sealed partial class NetworkChanges
{
    /// <summary>
    /// Adds the actor to the client's team. A restricted service's involvements are always restricted,
    /// whatever the caller asked for.
    /// </summary>
    public Task<Involvement> JoinTeamAsync(string clientId, string reason, bool restricted, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, clientId);
            var joiner = await RequirePractitionerAsync(tx, actor.Practitioner);
            if (await tx.FindCurrentInvolvementAsync(actor.Practitioner, clientId) is not null)
            {
                throw PatchworkException.Conflict("You are already in this client's team.");
            }
            var involvement = new Involvement(actor.Practitioner, clientId, now, validReason,
                restricted || joiner.Agency.RestrictedService, EndedOn: null, EndReason: null);
            await tx.InsertInvolvementAsync(involvement);
            await AppendAsync(tx, ChangeAudit.JoinedTeam(actor, now, involvement));
            return involvement;
        }, cancellationToken);
    }

    /// <summary>Ends the actor's involvement; their visits still planned with the client will not happen now.</summary>
    public Task<Involvement> LeaveTeamAsync(string clientId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, clientId);
            await tx.LockPractitionerAsync(actor.Practitioner);
            var notInTeam = PatchworkException.Conflict("You are not in this client's team.");
            var current = await tx.FindCurrentInvolvementAsync(actor.Practitioner, clientId) ?? throw notInTeam;
            if (!await tx.EndInvolvementAsync(actor.Practitioner, clientId, now, validReason))
            {
                throw notInTeam;
            }
            var cancelled = await tx.CancelPlannedVisitsAsync(actor.Practitioner, clientId);
            await AppendAsync(tx, ChangeAudit.LeftTeam(actor, now, clientId, validReason, cancelled));
            return current with { EndedOn = now, EndReason = validReason };
        }, cancellationToken);
    }

    public Task<Practitioner> UpdateContactDetailsAsync(ContactDetails details, Actor actor, CancellationToken cancellationToken)
    {
        var valid = details.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            var (practitioner, _) = await RequirePractitionerAsync(tx, actor.Practitioner);
            await tx.SetContactDetailsAsync(practitioner.Id, valid);
            await AppendAsync(tx, ChangeAudit.UpdatedContactDetails(actor, now, valid.PreferredContact));
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
