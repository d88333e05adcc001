using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Changes;

/// <summary>
/// Every change to the network, written once for both stores. Each validates its input (the same rules and messages
/// whichever store runs it), then in one transaction locks and checks what it depends on, makes the change and
/// appends its audit entry: a change that is refused leaves nothing behind. Locks are always taken client first,
/// then practitioner, so two changes never wait on each other in a cycle; marking a practitioner as left locks
/// only the practitioner.
/// </summary>
public sealed partial class NetworkChanges(IWriteStore store, TimeProvider time)
{
    /// <summary>Now, at the precision both stores keep: milliseconds.</summary>
    private DateTimeOffset Now() => Stored(time.GetUtcNow());

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static DateTimeOffset Stored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken) =>
        store.WriteAsync(change, cancellationToken);

    private static async Task<Client> RequireClientAsync(IWriteTransaction tx, string clientId) =>
        await tx.LockClientAsync(clientId) ?? throw PatchworkException.NotFound("client", clientId);

    private static async Task<Family> RequireFamilyAsync(IWriteTransaction tx, string familyId) =>
        await tx.LockFamilyAsync(familyId) ?? throw PatchworkException.NotFound("family", familyId);

    private static async Task<PractitionerAccount> RequirePractitionerAsync(IWriteTransaction tx, string practitionerId) =>
        await tx.LockPractitionerAsync(practitionerId) ?? throw PatchworkException.NotFound("practitioner", practitionerId);

    private static async Task<Agency> RequireAgencyAsync(IWriteTransaction tx, string agencyId) =>
        await tx.LockAgencyAsync(agencyId) ?? throw PatchworkException.NotFound("agency", agencyId);

    private static async Task<Visit> RequireVisitAsync(IWriteTransaction tx, string visitId) =>
        await tx.LockVisitAsync(visitId) ?? throw PatchworkException.NotFound("visit", visitId);

    /// <summary>The actor's current involvement with the client, or FORBIDDEN: only the team may act on a client.</summary>
    /// <remarks>Call after locking the client. The practitioner's lock is taken too, so their being marked as left
    /// cannot end the involvement between this check and the change.</remarks>
    private static async Task<Involvement> RequireInTeamAsync(IWriteTransaction tx, Actor actor, string clientId)
    {
        await tx.LockPractitionerAsync(actor.Practitioner);
        return await tx.FindCurrentInvolvementAsync(actor.Practitioner, clientId)
            ?? throw PatchworkException.Forbidden("Only a member of the client's team can do this; join the team first.");
    }

    private static Task AppendAsync(IWriteTransaction tx, params AuditEntry[] entries) => tx.AppendAuditAsync(entries);
}
