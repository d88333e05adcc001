using Patchwork.Auditing;
using Patchwork.Ports;

namespace Patchwork.Governance.Tests;

/// <summary>
/// The audit trail port as the governance code sees it: what was appended, and pages of a given trail read the way
/// both stores read it (newest first, From inclusive, To exclusive, at most First), with every read recorded.
/// </summary>
internal sealed class Trail(IEnumerable<AuditEntry>? entries = null) : IAuditTrail
{
    private readonly List<AuditEntry> _entries = [.. (entries ?? []).OrderByDescending(e => e.At)];

    public List<IReadOnlyCollection<AuditEntry>> Appends { get; } = [];
    public List<AuditQuery> Reads { get; } = [];

    public Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        Appends.Add(entries);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        Reads.Add(query);
        return Task.FromResult<IReadOnlyList<AuditEntry>>(
        [
            .. _entries.Where(e => (query.To is null || e.At < query.To) && (query.From is null || e.At >= query.From)
                && (query.Action is null || e.Action == query.Action)).Take(query.First),
        ]);
    }
}
