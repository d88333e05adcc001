using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// The loaders' reads: many keys in one statement, the ids unpacked from one JSON array parameter.
public sealed partial class SqliteNetworkStore : IBatchReads
{
    public async Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Agency>();
        }
        var agencies = await QueryAsync(
            c => _sql.Command(AgenciesById, c).Bind("$ids", ids), AgencyRow.From, cancellationToken);
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
            c => _sql.Command(PractitionersById, c).Bind("$ids", ids), PractitionerRow.From, cancellationToken);
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
            c => _sql.Command(ClientsById, c).Bind("$ids", ids), ClientRow.From, cancellationToken);
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
            c => _sql.Command(FamiliesById, c).Bind("$ids", ids), FamilyRow.From, cancellationToken);
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
            c => _sql.Command(FamilyMembers, c).Bind("$ids", familyIds), ClientRow.From, cancellationToken);
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
            c => _sql.Command(ClientTeams, c).Bind("$ids", clientIds).Bind("$now", Now()),
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
            c => _sql.Command(FamilyTeams, c).Bind("$ids", familyIds).Bind("$now", Now()),
            ReadTeamMember, cancellationToken);
        return Batch.Teams(familyIds, rows);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetUpcomingVisitsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) =>
        VisitsPerClientAsync(
            c => _sql.Command(UpcomingVisits, c).Bind("$now", Now()), clientIds, perClient, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetRecentContactsAsync(
        IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) =>
        VisitsPerClientAsync(c => _sql.Command(RecentContacts, c), clientIds, perClient, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamChange>>> GetTeamChangesAsync(
        IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return Batch.None<TeamChange>();
        }
        var changes = await QueryAsync(
            c => _sql.Command(TeamChanges, c).Bind("$ids", clientIds).Bind("$since", since),
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
            c => _sql.Command(FollowUpsByFamily, c).Bind("$ids", familyIds), FollowUpRow.From, cancellationToken);
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
            VisitRow.From, cancellationToken);
        return Batch.ByKey(clientIds, visits, v => v.ClientId);
    }

    // The key asked by (asked_id) and the involvement's own columns, beside the client, practitioner and agency in full.
    private static Func<SqliteDataReader, (string Key, TeamMember Member)> ReadTeamMember(SqliteDataReader result)
    {
        var client = new ClientRow(result, "client_");
        var practitioner = new PractitionerRow(result, "practitioner_");
        var agency = new AgencyRow(result, "agency_");
        var (key, since, restricted) = (result.GetOrdinal("asked_id"), result.GetOrdinal("since"), result.GetOrdinal("restricted"));
        var (lastContact, nextVisit) = (result.GetOrdinal("last_contact_at"), result.GetOrdinal("next_visit_at"));
        return row => (row.GetString(key), new TeamMember(
            Practitioner: practitioner.Read(row),
            Agency: agency.Read(row),
            Supports: [client.Read(row)],
            Since: row.Time(since),
            LastContactAt: row.TimeOrNull(lastContact),
            NextVisitAt: row.TimeOrNull(nextVisit),
            Restricted: row.GetBoolean(restricted)));
    }

    private static Func<SqliteDataReader, TeamChange> ReadTeamChange(SqliteDataReader result)
    {
        var practitioner = new PractitionerRow(result, "practitioner_");
        var agency = new AgencyRow(result, "agency_");
        var (clientId, kind, at) = (result.GetOrdinal("client_id"), result.GetOrdinal("kind"), result.GetOrdinal("at"));
        var (reason, restricted) = (result.GetOrdinal("reason"), result.GetOrdinal("restricted"));
        return row => new TeamChange(
            ClientId: row.GetString(clientId),
            Practitioner: practitioner.Read(row),
            Agency: agency.Read(row),
            Kind: row.Name<TeamChangeKind>(kind),
            At: row.Time(at),
            Reason: row.GetString(reason),
            Restricted: row.GetBoolean(restricted));
    }
}
