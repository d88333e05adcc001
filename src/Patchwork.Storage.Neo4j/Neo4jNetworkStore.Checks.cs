using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// What every write needs inside its transaction: locking and reading the state it checks, and its audit entry.
public sealed partial class Neo4jNetworkStore
{
    private static async Task<Client> RequireClientAsync(Transaction tx, string clientId) =>
        Records.Client(await tx.SingleAsync(LockClient, "client", ("id", clientId)) ?? throw PatchworkException.NotFound("client", clientId));

    private static async Task<(Practitioner Practitioner, Agency Agency)> RequirePractitionerAsync(Transaction tx, string practitionerId)
    {
        var found = (await tx.RunAsync(LockPractitioner, ("id", practitionerId))).Values.SingleOrDefault()
            ?? throw PatchworkException.NotFound("practitioner", practitionerId);
        return (Records.Practitioner(Map(found[0])), Records.Agency(Map(found[1])));
    }

    private static async Task<Agency> RequireAgencyAsync(Transaction tx, string agencyId) =>
        Records.Agency(await tx.SingleAsync(LockAgency, "agency", ("id", agencyId)) ?? throw PatchworkException.NotFound("agency", agencyId));

    private static async Task<Visit> RequireVisitAsync(Transaction tx, string visitId) =>
        Records.Visit(await tx.SingleAsync(LockVisit, "visit", ("id", visitId)) ?? throw PatchworkException.NotFound("visit", visitId));

    private static async Task<Involvement?> FindCurrentInvolvementAsync(Transaction tx, string practitionerId, string clientId) =>
        await tx.SingleAsync(CurrentInvolvement, "involvement", ("practitionerId", practitionerId), ("clientId", clientId)) is { } found
            ? Records.Involvement(found)
            : null;

    /// <summary>The actor's current involvement with the client, or FORBIDDEN: only the team may act on a client.</summary>
    /// <remarks>Call after locking the client. The practitioner's lock is taken too, so a practitioner being marked as
    /// left (which locks only them, never a client: no cycle) cannot end the involvement between this check and the write.</remarks>
    private static async Task<Involvement> RequireInTeamAsync(Transaction tx, Actor actor, string clientId)
    {
        await LockPractitionerAsync(tx, actor.Practitioner);
        return await FindCurrentInvolvementAsync(tx, actor.Practitioner, clientId)
            ?? throw PatchworkException.Forbidden("Only a member of the client's team can do this; join the team first.");
    }

    /// <summary>Takes the practitioner's write lock, if they exist; whoever reads their involvements next reads them settled.</summary>
    private static async Task LockPractitionerAsync(Transaction tx, string practitionerId) =>
        await tx.RunAsync(LockPractitioner, ("id", practitionerId));

    private static async Task AppendAsync(Transaction tx, params AuditEntry[] entries) =>
        await tx.RunAsync(AppendAudit, AuditRows(entries));

    /// <summary>The append statement's parameter: each entry with its place in the trail's order.</summary>
    private static (string, object?) AuditRows(IEnumerable<AuditEntry> entries) =>
        ("entries", entries.Select(e => Records.Map(e, AuditSequence.Next())).ToList());

}
