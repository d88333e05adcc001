using Patchwork.Api.Identity;

namespace Patchwork.Api.Governance;

/// <summary>
/// Emergency access: a practitioner sees a client's team without joining it, for this one answer. The reason
/// is written to the audit trail, flagged for administrators to review, before anything is shown.
/// </summary>
public static class BreakGlass
{
    public const string ReviewNote = "Viewed the team without joining it; flagged for review.";

    public static async Task<Client> OpenAsync(INetworkStore store, TimeProvider time, Viewer viewer,
        string clientId, string reason, CancellationToken cancellationToken)
    {
        var id = Check.Id(clientId, "clientId");
        var why = Check.Reason(reason);
        var clients = await store.GetClientsAsync([id], cancellationToken);
        var client = clients.GetValueOrDefault(id) ?? throw PatchworkException.NotFound("client", id);
        var actor = viewer.ToActor();
        await store.AppendAuditAsync(
            [new AuditEntry(time.GetUtcNow(), actor.Subject, actor.PractitionerId, AuditAction.BreakGlass,
                client.Id, client.FamilyId, why, ReviewNote, actor.RequestId)],
            cancellationToken);
        return client;
    }
}
