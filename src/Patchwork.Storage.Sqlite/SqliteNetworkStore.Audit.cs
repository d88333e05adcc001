using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// The append-only audit trail.
public sealed partial class SqliteNetworkStore
{
    private const int MaxAuditEntries = 500;

    // One query per leading filter, so each is answered from its own index; the other filters are optional.
    // The time range is half-open: From ≤ at < To.
    private const string AuditFilters =
        "AND ($practitioner IS NULL OR au.practitioner_id = $practitioner) " +
        "AND ($from IS NULL OR au.at >= $from) AND ($to IS NULL OR au.at < $to) " +
        "ORDER BY au.at DESC, au.id DESC LIMIT $first";

    private const string AuditByClientSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.client_id = $client " + AuditFilters;

    private const string AuditByPractitionerSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE au.practitioner_id = $practitioner " + AuditFilters;

    private const string AuditByTimeSql =
        "SELECT " + AuditRow.Columns + " FROM audit au WHERE 1 = 1 " + AuditFilters;

    public async Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await WriteAsync(async transaction =>
        {
            await using var insert = new SqliteCommand(Inserts.Audit, transaction.Connection, transaction);
            foreach (var entry in entries)
            {
                await insert.BindAudit(entry with { At = Db.Stored(entry.At) }).ExecuteNonQueryAsync(cancellationToken);
            }
            return entries.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken) =>
        await QueryAsync(c => AuditQueryFor(query, c)
                .Bind("$client", query.ClientId)
                .Bind("$practitioner", query.PractitionerId)
                .Bind("$from", query.From)
                .Bind("$to", query.To)
                .Bind("$first", Math.Clamp(query.First, 1, MaxAuditEntries)),
            r => AuditRow.Read(r), cancellationToken);

    private static SqliteCommand AuditQueryFor(AuditQuery query, SqliteConnection connection) =>
        query.ClientId is not null ? new SqliteCommand(AuditByClientSql, connection)
        : query.PractitionerId is not null ? new SqliteCommand(AuditByPractitionerSql, connection)
        : new SqliteCommand(AuditByTimeSql, connection);
}
