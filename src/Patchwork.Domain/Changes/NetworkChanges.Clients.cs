using Patchwork.Network;

namespace Patchwork.Changes;

// Registering clients and forming households.
public sealed partial class NetworkChanges
{
    /// <summary>Registers a client with the registrant as the first member of its team.</summary>
    public Task<Client> RegisterClientAsync(NewClient client, Actor actor, CancellationToken cancellationToken)
    {
        var valid = client.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            var registrant = await RequirePractitionerAsync(tx, actor.Practitioner);
            var registered = new Client(Ids.New(), valid.GivenName, valid.FamilyName, valid.DateOfBirth, valid.Address,
                valid.Postcode, valid.NhsNumber, valid.Shielded, FamilyId: null, FamilyRelationship: null);
            await tx.InsertClientAsync(registered);
            await tx.InsertInvolvementAsync(new Involvement(actor.Practitioner, registered.Id, now, valid.Reason,
                registrant.Agency.RestrictedService, EndedOn: null, EndReason: null));
            await AppendAsync(tx, ChangeAudit.RegisteredClient(actor, now, registered.Id, valid.Reason));
            return registered;
        }, cancellationToken);
    }

    /// <summary>Creates a household around a client who is not yet in one.</summary>
    public Task<Family> CreateFamilyAsync(NewFamily family, Actor actor, CancellationToken cancellationToken)
    {
        var valid = family.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            var member = await RequireClientAsync(tx, valid.FirstMemberId);
            RefuseIfInFamily(member);
            var created = new Family(Ids.New(), valid.Name, valid.Area);
            await tx.InsertFamilyAsync(created);
            await tx.SetFamilyAsync(member.Id, created.Id, valid.Relationship);
            await AppendAsync(tx, ChangeAudit.CreatedFamily(actor, now, member.Id, created.Id, valid.Relationship));
            return created;
        }, cancellationToken);
    }

    public Task<Client> AddFamilyMemberAsync(
        string familyId, string clientId, string relationship, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(familyId, "familyId");
        Check.Id(clientId, "clientId");
        var validRelationship = Check.Text(relationship, "relationship", 50);
        var now = Now();
        return WriteAsync(async tx =>
        {
            await RequireFamilyAsync(tx, familyId);
            var member = await RequireClientAsync(tx, clientId);
            RefuseIfInFamily(member);
            await tx.SetFamilyAsync(clientId, familyId, validRelationship);
            await AppendAsync(tx, ChangeAudit.AddedFamilyMember(actor, now, clientId, familyId, validRelationship));
            return member with { FamilyId = familyId, FamilyRelationship = validRelationship };
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
}
