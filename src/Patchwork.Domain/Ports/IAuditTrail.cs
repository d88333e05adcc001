using Patchwork.Auditing;

namespace Patchwork.Ports;

/// <summary>The audit trail: append-only. Reads and denials are appended by the API; changes append their own.</summary>
public interface IAuditTrail
{
    Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);
    Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken);
}
