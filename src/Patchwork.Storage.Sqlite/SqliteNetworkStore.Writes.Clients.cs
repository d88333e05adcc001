using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Registering clients and forming families.
public sealed partial class SqliteNetworkStore
{
    private const string SetFamilySql =
        "UPDATE client SET family_id = $family_id, family_relationship = $relationship WHERE id = $id";

    /// <summary>Registers a client with the registrant as the first member of its team.</summary>
    public Task<Client> RegisterClientAsync(NewClient client, Actor actor, CancellationToken cancellationToken)
    {
        var valid = client.Validated(Today());
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var agency = await RequireAgencyOfAsync(transaction, actor.Practitioner, cancellationToken);
            var registered = new Client(Ids.New(), valid.GivenName, valid.FamilyName, valid.DateOfBirth, valid.Address,
                valid.Postcode, valid.NhsNumber, valid.Shielded, FamilyId: null, FamilyRelationship: null);
            var involvement = new Involvement(actor.Practitioner, registered.Id, now, valid.Reason,
                agency.RestrictedService, EndedOn: null, EndReason: null);
            await ExecuteAsync(new SqliteCommand(Inserts.Client, transaction.Connection, transaction).BindClient(registered), cancellationToken);
            await ExecuteAsync(new SqliteCommand(Inserts.ClientNamesById, transaction.Connection, transaction).Bind("$id", registered.Id), cancellationToken);
            await ExecuteAsync(new SqliteCommand(Inserts.Involvement, transaction.Connection, transaction).BindInvolvement(involvement), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.RegisteredClient(actor, now, registered.Id, valid.Reason), cancellationToken);
            return registered;
        }, cancellationToken);
    }

    /// <summary>Creates a household around a client who is not yet in one.</summary>
    public Task<Family> CreateFamilyAsync(NewFamily family, Actor actor, CancellationToken cancellationToken)
    {
        var valid = family.Validated();
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var member = await RequireClientAsync(transaction, valid.FirstMemberId, cancellationToken);
            RefuseIfInFamily(member);
            var created = new Family(Ids.New(), valid.Name, valid.Area);
            await ExecuteAsync(new SqliteCommand(Inserts.Family, transaction.Connection, transaction).BindFamily(created), cancellationToken);
            await SetFamilyAsync(transaction, member.Id, created.Id, valid.Relationship, cancellationToken);
            await AppendAsync(transaction, ChangeAudit.CreatedFamily(actor, now, member.Id, created.Id, valid.Relationship), cancellationToken);
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
        return WriteAsync(async transaction =>
        {
            await RequireFamilyAsync(transaction, familyId, cancellationToken);
            var member = await RequireClientAsync(transaction, clientId, cancellationToken);
            RefuseIfInFamily(member);
            await SetFamilyAsync(transaction, clientId, familyId, validRelationship, cancellationToken);
            await AppendAsync(transaction, ChangeAudit.AddedFamilyMember(actor, now, clientId, familyId, validRelationship), cancellationToken);
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

    private static async Task SetFamilyAsync(
        SqliteTransaction transaction, string clientId, string familyId, string relationship, CancellationToken cancellationToken) =>
        await ExecuteAsync(new SqliteCommand(SetFamilySql, transaction.Connection, transaction)
            .Bind("$id", clientId)
            .Bind("$family_id", familyId)
            .Bind("$relationship", relationship), cancellationToken);
}
