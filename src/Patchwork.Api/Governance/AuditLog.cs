using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.Governance;

/// <summary>
/// The reads and denials of one request, collected while it executes and written to the audit trail
/// before its answer is sent (changes write their own entries inside their transaction).
/// </summary>
public sealed class AuditLog(IAuditTrail store, TimeProvider time)
{
    private readonly List<AuditEntry> _entries = [];
    private readonly HashSet<(AuditAction, string?, string?)> _seen = [];
    private readonly HashSet<string> _refusals = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Record(Viewer viewer, AuditAction action, string? clientId = null, string? familyId = null,
        string? reason = null, string? detail = null)
    {
        lock (_gate)
        {
            // A team shown twice in one answer (say, through two aliases) is one view.
            if (action is AuditAction.ViewClient or AuditAction.ViewFamily && !_seen.Add((action, clientId, familyId)))
            {
                return;
            }
            // A refusal recorded where it was decided (with the client or family it was about) is not recorded again
            // by the catch-all for refusals at the root.
            if (action is AuditAction.Denied && detail is not null && !_refusals.Add(detail))
            {
                return;
            }
            _entries.Add(new AuditEntry(time.GetUtcNow(), viewer.Subject, viewer.Practitioner?.Id, action,
                clientId, familyId, reason, detail, viewer.RequestId));
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        AuditEntry[] pending;
        lock (_gate)
        {
            pending = [.. _entries];
            _entries.Clear();
        }
        return pending.Length == 0 ? Task.CompletedTask : store.AppendAuditAsync(pending, cancellationToken);
    }
}
