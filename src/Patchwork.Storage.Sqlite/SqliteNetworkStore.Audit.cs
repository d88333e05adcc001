using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// The append-only audit trail.
public sealed partial class SqliteNetworkStore : IAuditTrail
{
    private const int MaxAuditEntries = 500;

    // One query per leading filter, so each is answered from its own index: a client, a family, a practitioner,
    // an action, or else time alone. Every other filter applies to whichever query leads, so all of them combine.
    // The time range is half-open: From ≤ at < To.
    private const string AuditFilters =
        "AND ($family IS NULL OR " + AboutFamily + ") " +
        "AND ($practitioner IS NULL OR au.practitioner_id = $practitioner) " +
        "AND ($action IS NULL OR au.action = $action) " +
        "AND ($from IS NULL OR au.at >= $from) AND ($to IS NULL OR au.at < $to) " +
        "ORDER BY au.at DESC, au.id DESC LIMIT $first";

    // About a family: about the family itself, or about any of its current members.
    private const string AboutFamily =
        "(au.family_id = $family OR au.client_id IN (SELECT m.id FROM client m WHERE m.family_id = $family))";

    private const string AuditByClientSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.client_id = $client " + AuditFilters;

    // The family's own entries from audit_by_family, its members' from audit_by_client.
    private const string AuditByFamilySql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.id IN (" +
        "SELECT f.id FROM audit f WHERE f.family_id = $family " +
        "UNION ALL " +
        "SELECT c.id FROM client m JOIN audit c ON c.client_id = m.id WHERE m.family_id = $family) " + AuditFilters;

    private const string AuditByPractitionerSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.practitioner_id = $practitioner " + AuditFilters;

    private const string AuditByActionSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.action = $action " + AuditFilters;

    private const string AuditByTimeSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE 1 = 1 " + AuditFilters;

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
        await QueryAsync(c => AuditQueryFor(query, c)
                .Bind("$client", query.ClientId)
                .Bind("$family", query.FamilyId)
                .Bind("$practitioner", query.PractitionerId)
                .Bind("$action", query.Action)
                .Bind("$from", query.From)
                .Bind("$to", query.To)
                .Bind("$first", Math.Clamp(query.First, 1, MaxAuditEntries)),
            r => AuditRow.Read(r), cancellationToken);

    private static SqliteCommand AuditQueryFor(AuditQuery query, SqliteConnection connection) =>
        query.ClientId is not null ? new SqliteCommand(AuditByClientSql, connection)
        : query.FamilyId is not null ? new SqliteCommand(AuditByFamilySql, connection)
        : query.PractitionerId is not null ? new SqliteCommand(AuditByPractitionerSql, connection)
        : query.Action is not null ? new SqliteCommand(AuditByActionSql, connection)
        : new SqliteCommand(AuditByTimeSql, connection);
}
