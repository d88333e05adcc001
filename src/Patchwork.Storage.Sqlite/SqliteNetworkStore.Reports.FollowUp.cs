using System.Text.Json;
using Microsoft.Data.Sqlite;
using Patchwork.Ports;
using Patchwork.Reports;

namespace Patchwork.Storage.Sqlite;

// Commissioners' follow-up requests: routed to the family's team, or to agencies' duty contacts when it has none.
public sealed partial class SqliteNetworkStore
{
    // Who the request could go to, each agency in full under the list it is on: the family's current team, every
    // agency that ever worked with a member, and the lead agencies. The domain chooses among them.
    private const string CandidatesSql =
        "SELECT 'Team', " + AgencyRow.Columns + " FROM client m " +
        "JOIN involvement i ON i.client_id = m.id AND i.ended_on IS NULL " +
        "JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id WHERE m.family_id = $family " +
        "UNION SELECT 'Worked', " + AgencyRow.Columns + " FROM client m JOIN involvement i ON i.client_id = m.id " +
        "JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id WHERE m.family_id = $family " +
        "UNION SELECT 'Lead', " + AgencyRow.Columns + " FROM agency a WHERE a.kind IN (SELECT value FROM json_each($lead_kinds))";

    private const string FollowUpColumns = "u.id, u.family_id, u.requested_at, u.reason, u.route, u.agency_ids";

    private const string FollowUpsByFamilySql =
        "SELECT " + FollowUpColumns + " FROM follow_up u WHERE u.family_id IN (SELECT value FROM json_each($ids)) " +
        "ORDER BY u.family_id, u.requested_at DESC, u.id DESC";

    private const string DutyFollowUpsSql =
        "SELECT " + FollowUpColumns + " FROM follow_up_duty d JOIN follow_up u ON u.id = d.follow_up_id " +
        "WHERE d.agency_id = $agency ORDER BY d.requested_at DESC, u.id DESC LIMIT $first";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUpRequest>>> GetFollowUpRequestsAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<FollowUpRequest>();
        }
        var rows = await QueryAsync(c => new SqliteCommand(FollowUpsByFamilySql, c).Bind("$ids", familyIds), ReadFollowUp, cancellationToken);
        return Batch.ByKey(familyIds, rows, r => r.FamilyId);
    }

    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(
        string agencyId, int first, CancellationToken cancellationToken) =>
        await QueryAsync(c => new SqliteCommand(DutyFollowUpsSql, c).Bind("$agency", agencyId).Bind("$first", first),
            ReadFollowUp, cancellationToken);

    private static FollowUpRequest ReadFollowUp(SqliteDataReader row) => new(
        Id: row.GetString(0),
        FamilyId: row.GetString(1),
        RequestedAt: row.Time(2),
        Reason: row.GetString(3),
        Route: row.Name<FollowUpRoute>(4),
        AgencyIds: JsonSerializer.Deserialize<List<string>>(row.GetString(5)) ?? []);
}
