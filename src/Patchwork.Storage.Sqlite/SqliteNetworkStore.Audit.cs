using Patchwork.Auditing;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite.Sql;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// The append-only audit trail.
public sealed partial class SqliteNetworkStore : IAuditTrail
{
    private const int MaxAuditEntries = 500;

    public async Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        // Committed together with whatever other requests are appending at the same moment (group commit).
        await _auditCommits.AppendAsync(entries, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken) =>
        await QueryAsync(c => _sql.Command(AuditTrailFor(query), c)
                .Bind("$client", query.ClientId)
                .Bind("$family", query.FamilyId)
                .Bind("$practitioner", query.PractitionerId)
                .Bind("$action", query.Action)
                .Bind("$from", query.From)
                .Bind("$to", query.To)
                .Bind("$first", Math.Clamp(query.First, 1, MaxAuditEntries)),
            AuditRow.From, cancellationToken);

    // One statement per leading filter, so each is answered from its own index: a client, a family, a practitioner,
    // an action, or else time alone. Every other filter applies to whichever statement leads, so all of them combine.
    private static Statement AuditTrailFor(AuditQuery query) =>
        query.ClientId is not null ? AuditTrailByClient
        : query.FamilyId is not null ? AuditTrailByFamily
        : query.PractitionerId is not null ? AuditTrailByPractitioner
        : query.Action is not null ? AuditTrailByAction
        : AuditTrailByTime;
}
