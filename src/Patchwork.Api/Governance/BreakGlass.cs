using Patchwork.Api.GraphQL;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.Governance;

/// <summary>Why a practitioner breaks glass: the kind of emergency, recorded with their reason for the review.</summary>
public enum BreakGlassCategory { ImmediateRiskToLife, ChildAtRisk, AdultAtRisk, MissingPerson, OtherEmergency }

/// <summary>
/// Emergency access: a practitioner sees a client's team without joining it, for this one answer. The reason
/// is written to the audit trail, flagged for administrators to review, before anything is shown. So that it stays an
/// emergency measure and not a way round joining: a reason of substance and a category, one client per request, and at
/// most <see cref="PerDay"/> a day per practitioner (counted from the audit trail, so across every instance). Every
/// refusal is on record too.
/// </summary>
public static class BreakGlass
{
    public const string ReviewNote = "Viewed the team without joining it; flagged for review.";
    public const int PerDay = 3;
    public const int MinimumReason = 20;

    public static async Task<Client> OpenAsync(IAuditTrail audit, IBatchReads batches, TimeProvider time, RequestContext request,
        string clientId, string reason, BreakGlassCategory category, CancellationToken cancellationToken)
    {
        var id = Check.Id(clientId, "clientId");
        var viewer = request.Viewer;
        var why = Check.Reason(reason);
        Refuse(request, id, !request.FirstOf("breakGlass"), "Break glass for one client per request.");
        Refuse(request, id, why.Length < MinimumReason || why.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3,
            $"Say what the emergency is, in a sentence of at least {MinimumReason} characters: the reason is reviewed.");
        var now = time.GetUtcNow();
        Refuse(request, id, await UsedTodayAsync(audit, viewer, now, cancellationToken) >= PerDay,
            $"You have broken glass {PerDay} times today. Call the duty line of an agency in the client's team instead.");
        var client = (await batches.GetClientsAsync([id], cancellationToken)).GetValueOrDefault(id)
            ?? throw PatchworkException.NotFound("client", id);
        var actor = viewer.ToActor();
        await audit.AppendAuditAsync(
            [new AuditEntry(now, actor.Subject, actor.PractitionerId, AuditAction.BreakGlass,
                client.Id, client.FamilyId, why, $"{category}: {ReviewNote}", actor.RequestId)],
            cancellationToken);
        return client;
    }

    private static void Refuse(RequestContext request, string clientId, bool refused, string message)
    {
        if (refused)
        {
            request.Audit.Record(request.Viewer, AuditAction.Denied, clientId, detail: $"breakGlass: {message}");
            throw PatchworkException.BadInput(message);
        }
    }

    private static async Task<int> UsedTodayAsync(IAuditTrail audit, Viewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var today = await audit.GetAuditTrailAsync(
            new AuditQuery(null, viewer.Practitioner?.Id, midnight, null, PerDay, AuditAction.BreakGlass), cancellationToken);
        return today.Count;
    }
}
