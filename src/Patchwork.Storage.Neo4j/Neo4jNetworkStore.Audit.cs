using Patchwork.Auditing;
using Patchwork.Ports;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// The append-only audit trail.
public sealed partial class Neo4jNetworkStore : IAuditTrail
{
    private const int MaxAuditEntries = 500;

    /// <summary>
    /// Reads and denials, appended by the API in one transaction per call: a single statement that checks nothing, so it
    /// runs as one implicit write, in one round trip (every view of a team waits for it before it is answered).
    /// </summary>
    public async Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        try
        {
            await _client.WriteOnceAsync(_cypher.Call(AppendAudit, AuditRows(entries)), cancellationToken);
        }
        catch (Neo4jException e) when (e.Code == Neo4jException.ConstraintValidationFailed)
        {
            throw PatchworkException.Conflict("Another change made the same thing at the same moment; nothing was changed.");
        }
    }

    /// <summary>
    /// A slice of the trail, read by the statement that seeks on the most selective filter given (client, family,
    /// practitioner, action, else time), which applies the rest. A missing end of the time range is widened to the
    /// earliest or latest time there is, so every statement seeks on a range of its index.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var (statement, filters) = AuditSlice(query);
        var page = await ReadAsync(statement, cancellationToken,
        [
            .. filters,
            ("from", query.From ?? DateTimeOffset.MinValue),
            ("to", query.To ?? DateTimeOffset.MaxValue),
            ("first", (long)Math.Clamp(query.First, 1, MaxAuditEntries)),
        ]);
        return [.. page.Maps("entry").Select(Records.AuditEntry)];
    }

    /// <summary>The statement for a query, with the filters it takes; each statement takes those of the ones after it.</summary>
    private static (Statement Statement, (string, object?)[] Filters) AuditSlice(AuditQuery query) => query switch
    {
        { ClientId: not null } => (AuditTrailByClient,
            [("clientId", query.ClientId), ("familyId", query.FamilyId), ("practitionerId", query.PractitionerId), ("action", query.Action)]),
        { FamilyId: not null } => (AuditTrailByFamily,
            [("familyId", query.FamilyId), ("practitionerId", query.PractitionerId), ("action", query.Action)]),
        { PractitionerId: not null } => (AuditTrailByPractitioner, [("practitionerId", query.PractitionerId), ("action", query.Action)]),
        { Action: not null } => (AuditTrailByAction, [("action", query.Action)]),
        _ => (AuditTrailByTime, []),
    };
}
