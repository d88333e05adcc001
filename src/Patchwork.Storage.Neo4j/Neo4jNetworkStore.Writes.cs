using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Registering clients, forming families, joining and leaving teams, visits and contact details. Each write
// validates its input first (the same rules and messages as the embedded store), then in one transaction locks
// and checks what it depends on, makes the change and appends its audit entry.
public sealed partial class Neo4jNetworkStore
{
    public Task<Client> RegisterClientAsync(NewClient client, Actor actor, CancellationToken cancellationToken)
    {
        var valid = client.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            var (_, agency) = await RequirePractitionerAsync(tx, actor.Practitioner);
            var registered = new Client(Ids.New(), valid.GivenName, valid.FamilyName, valid.DateOfBirth, valid.Address,
                valid.Postcode, valid.NhsNumber, valid.Shielded, FamilyId: null, FamilyRelationship: null);
            await tx.RunAsync(RegisterClient, ("client", Records.Map(registered)), ("practitionerId", actor.Practitioner),
                ("since", now), ("reason", valid.Reason), ("restricted", agency.RestrictedService));
            await AppendAsync(tx, ChangeAudit.RegisteredClient(actor, now, registered.Id, valid.Reason));
            return registered;
        }, cancellationToken);
    }

    public Task<Family> CreateFamilyAsync(NewFamily family, Actor actor, CancellationToken cancellationToken)
    {
        var valid = family.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            var member = await RequireClientAsync(tx, valid.FirstMemberId);
            RefuseIfInFamily(member);
            var created = new Family(Ids.New(), valid.Name, valid.Area);
            await tx.RunAsync(CreateFamily, ("family", Records.Map(created)), ("clientId", member.Id), ("relationship", valid.Relationship));
            await AppendAsync(tx, ChangeAudit.CreatedFamily(actor, now, member.Id, created.Id, valid.Relationship));
            return created;
        }, cancellationToken);
    }

    public Task<Client> AddFamilyMemberAsync(string familyId, string clientId, string relationship, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(familyId, "familyId");
        Check.Id(clientId, "clientId");
        var validRelationship = Check.Text(relationship, "relationship", 50);
        var now = Now();
        return WriteAsync(async tx =>
        {
            _ = await tx.SingleAsync(LockFamily, "family", ("id", familyId)) ?? throw PatchworkException.NotFound("family", familyId);
            var member = await RequireClientAsync(tx, clientId);
            RefuseIfInFamily(member);
            await tx.RunAsync(AddFamilyMember, ("familyId", familyId), ("clientId", clientId), ("relationship", validRelationship));
            await AppendAsync(tx, ChangeAudit.AddedFamilyMember(actor, now, clientId, familyId, validRelationship));
            return member with { FamilyId = familyId, FamilyRelationship = validRelationship };
        }, cancellationToken);
    }

    /// <summary>A restricted service's involvements are always restricted, whatever the caller asked for.</summary>
    public Task<Involvement> JoinTeamAsync(string clientId, string reason, bool restricted, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, clientId);
            var (_, agency) = await RequirePractitionerAsync(tx, actor.Practitioner);
            if (await FindCurrentInvolvementAsync(tx, actor.Practitioner, clientId) is not null)
            {
                throw PatchworkException.Conflict("You are already in this client's team.");
            }
            var involvement = new Involvement(actor.Practitioner, clientId, now, validReason,
                restricted || agency.RestrictedService, EndedOn: null, EndReason: null);
            await tx.RunAsync(JoinTeam, ("practitionerId", actor.Practitioner), ("clientId", clientId), ("since", now),
                ("reason", validReason), ("restricted", involvement.Restricted));
            await AppendAsync(tx, ChangeAudit.JoinedTeam(actor, now, involvement));
            return involvement;
        }, cancellationToken);
    }

    public Task<Involvement> LeaveTeamAsync(string clientId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(clientId, "clientId");
        var validReason = Check.Reason(reason);
        var now = Now();
        return WriteAsync(async tx =>
        {
            await RequireClientAsync(tx, clientId);
            // Client, then practitioner: the order every write takes both in; "left" locks only the practitioner.
            await LockPractitionerAsync(tx, actor.Practitioner);
            var notInTeam = PatchworkException.Conflict("You are not in this client's team.");
            var current = await FindCurrentInvolvementAsync(tx, actor.Practitioner, clientId) ?? throw notInTeam;
            var left = await tx.RunAsync(LeaveTeam, ("practitionerId", actor.Practitioner), ("clientId", clientId),
                ("now", now), ("reason", validReason));
            // No row: nothing was still current to end.
            if (left.Values.Count == 0)
            {
                throw notInTeam;
            }
            var cancelled = left.Column<long>("cancelled").Single();
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
            await tx.RunAsync(UpdateContactDetails, ("id", practitioner.Id), ("email", valid.Email), ("mobile", valid.Mobile),
                ("landline", valid.Landline), ("preferredContact", valid.PreferredContact));
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
            await tx.RunAsync(AddVisit, ("visit", Records.Map(planned)));
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
            string visitId;
            if (valid.VisitId is null)
            {
                var unplanned = new Visit(Ids.New(), valid.ClientId, actor.Practitioner, valid.Mode, VisitStatus.Completed,
                    ScheduledFor: null, Stored(valid.CompletedAt), Restricted: false);
                await tx.RunAsync(AddVisit, ("visit", Records.Map(unplanned)));
                visitId = unplanned.Id;
            }
            else
            {
                var planned = await RequireVisitAsync(tx, valid.VisitId);
                if (planned.ClientId != valid.ClientId)
                {
                    throw PatchworkException.BadInput("visitId names a visit with another client.");
                }
                RequireOwnPlannedVisit(planned, actor);
                await tx.RunAsync(CompleteVisit, ("id", planned.Id), ("completedAt", Stored(valid.CompletedAt)), ("mode", valid.Mode));
                visitId = planned.Id;
            }
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
            await tx.RunAsync(CancelVisit, ("id", visitId));
            await AppendAsync(tx, ChangeAudit.CancelledVisit(actor, now, visit));
            return visit with { Status = VisitStatus.Cancelled };
        }, cancellationToken);
    }

    // A client is in at most one household; moving between households is not a change Patchwork offers.
    private static void RefuseIfInFamily(Client client)
    {
        if (client.FamilyId is not null)
        {
            throw PatchworkException.Conflict($"Client '{client.Id}' is already a member of a family.");
        }
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
