using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// The append-only audit trail.
public sealed partial class Neo4jNetworkStore
{
    private const int MaxAuditEntries = 500;

    /// <summary>Reads and denials, appended by the API in one transaction per call.</summary>
    public async Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await WriteAsync(async tx =>
        {
            await AppendAsync(tx, [.. entries]);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(AuditTrail, cancellationToken,
                ("clientId", query.ClientId),
                ("familyId", query.FamilyId),
                ("practitionerId", query.PractitionerId),
                ("action", query.Action),
                ("from", query.From),
                ("to", query.To),
                ("first", (long)Math.Clamp(query.First, 1, MaxAuditEntries))))
            .Maps("entry").Select(Records.AuditEntry)];
}
