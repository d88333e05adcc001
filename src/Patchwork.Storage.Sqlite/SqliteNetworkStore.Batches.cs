using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// The loaders' reads: many keys in one statement, the ids unpacked from one JSON array parameter.
public sealed partial class SqliteNetworkStore : IBatchReads
{
    private const string AgenciesByIdSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a WHERE a.id IN (SELECT value FROM json_each($ids))";

    private const string PractitionersByIdSql =
        "SELECT " + PractitionerRow.Columns + " FROM practitioner p WHERE p.id IN (SELECT value FROM json_each($ids))";

    private const string ClientsByIdSql =
        "SELECT " + ClientRow.Columns + " FROM client c WHERE c.id IN (SELECT value FROM json_each($ids))";

    private const string FamiliesByIdSql =
        "SELECT " + FamilyRow.Columns + " FROM family f WHERE f.id IN (SELECT value FROM json_each($ids))";

    // A household reads oldest first: parents before children.
    private const string FamilyMembersSql =
        "SELECT " + ClientRow.Columns + " FROM client c " +
        "WHERE c.family_id IN (SELECT value FROM json_each($ids)) " +
        "ORDER BY c.family_id, c.date_of_birth, c.id";

    // One row per current involvement: the client, the practitioner and their agency in full, and the last
    // completed contact and next planned visit of that practitioner with that client. The first column is the
    // key the caller asked by (a client id or a family id).
    private const string TeamMemberColumns =
        "i.since, i.restricted, " +
        "(SELECT max(v.completed_at) FROM visit v WHERE v.client_id = i.client_id " +
        "AND v.practitioner_id = i.practitioner_id AND v.status = 'Completed'), " +
        "(SELECT min(v.scheduled_for) FROM visit v WHERE v.client_id = i.client_id " +
        "AND v.practitioner_id = i.practitioner_id AND v.status = 'Planned' AND v.scheduled_for >= $now), " +
        ClientRow.Columns + ", " + PractitionerRow.Columns + ", " + AgencyRow.Columns;

    private const string TeamMemberJoins =
        "JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id ";

    private const string ClientTeamsSql =
        "SELECT i.client_id, " + TeamMemberColumns + " FROM involvement i JOIN client c ON c.id = i.client_id " +
        TeamMemberJoins + "WHERE i.client_id IN (SELECT value FROM json_each($ids)) AND i.ended_on IS NULL";

    private const string FamilyTeamsSql =
        "SELECT c.family_id, " + TeamMemberColumns + " FROM client c " +
        "JOIN involvement i ON i.client_id = c.id AND i.ended_on IS NULL " + TeamMemberJoins +
        "WHERE c.family_id IN (SELECT value FROM json_each($ids))";

    private const string UpcomingVisitsSql = """
        WITH ranked AS (
            SELECT v.*, row_number() OVER (PARTITION BY v.client_id ORDER BY v.scheduled_for, v.id) AS n
            FROM visit v
            WHERE v.client_id IN (SELECT value FROM json_each($ids))
              AND v.status = 'Planned' AND v.scheduled_for >= $now
        )
        """ + "SELECT " + VisitRow.Columns + " FROM ranked v WHERE v.n <= $per_client ORDER BY v.client_id, v.n";

    private const string RecentContactsSql = """
        WITH ranked AS (
            SELECT v.*, row_number() OVER (PARTITION BY v.client_id ORDER BY v.completed_at DESC, v.id DESC) AS n
            FROM visit v
            WHERE v.client_id IN (SELECT value FROM json_each($ids))
              AND v.status = 'Completed'
        )
        """ + "SELECT " + VisitRow.Columns + " FROM ranked v WHERE v.n <= $per_client ORDER BY v.client_id, v.n";

    // Every involvement that began, and every one that ended, at or after $since: each is one change, and an
    // involvement that did both is two (an imported involvement may have ended without a reason). Newest first;
    // a leave at the same moment as a join came after it.
    private const string TeamChangesSql = """
        WITH change AS (
            SELECT i.client_id, i.practitioner_id, 'Joined' AS kind, i.since AS at, i.reason, i.restricted
            FROM involvement i
            WHERE i.client_id IN (SELECT value FROM json_each($ids)) AND i.since >= $since
            UNION ALL
            SELECT i.client_id, i.practitioner_id, 'Left', i.ended_on, coalesce(i.end_reason, ''), i.restricted
            FROM involvement i
            WHERE i.client_id IN (SELECT value FROM json_each($ids)) AND i.ended_on >= $since
        )
        """ +
        "SELECT ch.client_id, ch.kind, ch.at, ch.reason, ch.restricted, " + PractitionerRow.Columns + ", " + AgencyRow.Columns +
        " FROM change ch JOIN practitioner p ON p.id = ch.practitioner_id JOIN agency a ON a.id = p.agency_id " +
        "ORDER BY ch.client_id, ch.at DESC, ch.kind = 'Left' DESC, ch.practitioner_id";

    private const string FollowUpsByFamilySql =
        "SELECT " + FollowUpRow.Columns + " FROM follow_up u WHERE u.family_id IN (SELECT value FROM json_each($ids)) " +
        "ORDER BY u.family_id, u.requested_at DESC, u.id DESC";

    public async Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Agency>();
        }
        var agencies = await QueryAsync(
            c => new SqliteCommand(AgenciesByIdSql, c).Bind("$ids", ids), r => AgencyRow.Read(r), cancellationToken);
        return agencies.ToDictionary(a => a.Id);
    }

    public async Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Practitioner>();
        }
        var practitioners = await QueryAsync(
            c => new SqliteCommand(PractitionersByIdSql, c).Bind("$ids", ids), r => PractitionerRow.Read(r), cancellationToken);
        return practitioners.ToDictionary(p => p.Id);
    }

    public async Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Client>();
        }
        var clients = await QueryAsync(
            c => new SqliteCommand(ClientsByIdSql, c).Bind("$ids", ids), r => ClientRow.Read(r), cancellationToken);
        return clients.ToDictionary(c => c.Id);
    }

    public async Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Family>();
        }
        var families = await QueryAsync(
            c => new SqliteCommand(FamiliesByIdSql, c).Bind("$ids", ids), r => FamilyRow.Read(r), cancellationToken);
        return families.ToDictionary(f => f.Id);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Client>>> GetFamilyMembersAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<Client>();
        }
        var members = await QueryAsync(
            c => new SqliteCommand(FamilyMembersSql, c).Bind("$ids", familyIds), r => ClientRow.Read(r), cancellationToken);
        return Batch.ByKey(familyIds, members, m => m.FamilyId!);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetClientTeamsAsync(
        IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<TeamMember>();
        }
        var rows = await QueryAsync(
            c => new SqliteCommand(ClientTeamsSql, c).Bind("$ids", clientIds).Bind("$now", Now()),
            ReadTeamMember, cancellationToken);
        return Batch.Teams(clientIds, rows);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetFamilyTeamsAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<TeamMember>();
        }
        var rows = await QueryAsync(
            c => new SqliteCommand(FamilyTeamsSql, c).Bind("$ids", familyIds).Bind("$now", Now()),
            ReadTeamMember, cancellationToken);
        return Batch.Teams(familyIds, rows);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetUpcomingVisitsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) =>
        VisitsPerClientAsync(
            c => new SqliteCommand(UpcomingVisitsSql, c).Bind("$now", Now()), clientIds, perClient, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetRecentContactsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) =>
        VisitsPerClientAsync(c => new SqliteCommand(RecentContactsSql, c), clientIds, perClient, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamChange>>> GetTeamChangesAsync(
        IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<TeamChange>();
        }
        var changes = await QueryAsync(
            c => new SqliteCommand(TeamChangesSql, c).Bind("$ids", clientIds).Bind("$since", since),
            ReadTeamChange, cancellationToken);
        return Batch.ByKey(clientIds, changes, change => change.ClientId);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUpRequest>>> GetFollowUpRequestsAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return Batch.None<FollowUpRequest>();
        }
        var rows = await QueryAsync(
            c => new SqliteCommand(FollowUpsByFamilySql, c).Bind("$ids", familyIds), r => FollowUpRow.Read(r), cancellationToken);
        return Batch.ByKey(familyIds, rows, r => r.FamilyId);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> VisitsPerClientAsync(
        Func<SqliteConnection, SqliteCommand> query, IReadOnlyCollection<string> clientIds, int perClient,
        CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<Visit>();
        }
        var visits = await QueryAsync(
            c => query(c).Bind("$ids", clientIds).Bind("$per_client", Batch.VisitsPerClient(perClient)),
            r => VisitRow.Read(r), cancellationToken);
        return Batch.ByKey(clientIds, visits, v => v.ClientId);
    }

    private static (string Key, TeamMember Member) ReadTeamMember(SqliteDataReader row)
    {
        const int ClientAt = 5;
        const int PractitionerAt = ClientAt + ClientRow.Width;
        var member = new TeamMember(
            Practitioner: PractitionerRow.Read(row, PractitionerAt),
            Agency: AgencyRow.Read(row, PractitionerAt + PractitionerRow.Width),
            Supports: [ClientRow.Read(row, ClientAt)],
            Since: row.Time(1),
            LastContactAt: row.TimeOrNull(3),
            NextVisitAt: row.TimeOrNull(4),
            Restricted: row.GetBoolean(2));
        return (row.GetString(0), member);
    }

    private static TeamChange ReadTeamChange(SqliteDataReader row)
    {
        const int PractitionerAt = 5;
        return new TeamChange(
            ClientId: row.GetString(0),
            Practitioner: PractitionerRow.Read(row, PractitionerAt),
            Agency: AgencyRow.Read(row, PractitionerAt + PractitionerRow.Width),
            Kind: row.Name<TeamChangeKind>(1),
            At: row.Time(2),
            Reason: row.GetString(3),
            Restricted: row.GetBoolean(4));
    }
}
