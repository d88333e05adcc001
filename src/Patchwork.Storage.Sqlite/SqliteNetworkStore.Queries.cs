using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// A practitioner's own questions: a name search, their clients, one visit, their duty inbox.
public sealed partial class SqliteNetworkStore : IPractitionerQueries
{
    private const int MaxSearchResults = 100;

    // Shielded clients are left out unless the searcher is in their team. Matches come back in register order:
    // family name, given name, then id, so equal names always come back in the same order. Relevance ranking
    // (bm25) is not used: names are one or two words, so it barely separates matches, and computing it for every
    // match of a common surname (thousands in a county) cost several milliseconds a search. Whether the searcher
    // is in a client's team is looked up for shielded matches and for the page returned, not for every match.
    private const string SearchClientsSql = """
        WITH found AS (
            SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.postcode
            FROM client_name
            JOIN client c ON c.seq = client_name.rowid
            WHERE client_name MATCH $match
              AND ($date_of_birth IS NULL OR c.date_of_birth = $date_of_birth)
              AND (c.shielded = 0
                   OR EXISTS (SELECT 1 FROM involvement i
                              WHERE i.practitioner_id = $practitioner AND i.client_id = c.id AND i.ended_on IS NULL))
            ORDER BY c.family_name, c.given_name, c.id
            LIMIT $first
        )
        SELECT f.id, f.given_name, f.family_name, f.date_of_birth, f.postcode,
               EXISTS (SELECT 1 FROM involvement i
                       WHERE i.practitioner_id = $practitioner AND i.client_id = f.id AND i.ended_on IS NULL)
        FROM found f
        ORDER BY f.family_name, f.given_name, f.id
        """;

    private const string MyClientsSql =
        "SELECT " + ClientRow.Columns + " FROM involvement i JOIN client c ON c.id = i.client_id " +
        "WHERE i.practitioner_id = $practitioner AND i.ended_on IS NULL " +
        "ORDER BY c.family_name, c.given_name, c.id";

    private const string VisitByIdSql = "SELECT " + VisitRow.Columns + " FROM visit v WHERE v.id = $id";

    private const string DutyFollowUpsSql =
        "SELECT " + FollowUpRow.Columns + " FROM follow_up_duty d JOIN follow_up u ON u.id = d.follow_up_id " +
        "WHERE d.agency_id = $agency ORDER BY d.requested_at DESC, u.id DESC LIMIT $first";

    public async Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken)
    {
        var match = NameQuery.ToMatchExpression(search.Query);
        if (match is null)
        {
            return [];
        }
        return await QueryAsync(
            c => new SqliteCommand(SearchClientsSql, c)
                .Bind("$match", match)
                .Bind("$date_of_birth", search.DateOfBirth)
                .Bind("$practitioner", search.PractitionerId)
                .Bind("$first", Math.Clamp(search.First, 1, MaxSearchResults)),
            ReadMatch, cancellationToken);
    }

    private static ClientMatch ReadMatch(SqliteDataReader row) => new(
        ClientId: row.GetString(0),
        DisplayName: $"{row.GetString(1)} {row.GetString(2)}",
        DateOfBirth: row.Date(3),
        PostcodeDistrict: Check.PostcodeDistrict(row.GetString(4)),
        InMyTeam: row.GetBoolean(5));

    public async Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken) =>
        await QueryAsync(
            c => new SqliteCommand(MyClientsSql, c).Bind("$practitioner", practitionerId),
            r => ClientRow.Read(r), cancellationToken);

    public async Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => new SqliteCommand(VisitByIdSql, c).Bind("$id", visitId), r => VisitRow.Read(r), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(
        string agencyId, int first, CancellationToken cancellationToken) =>
        await QueryAsync(c => new SqliteCommand(DutyFollowUpsSql, c).Bind("$agency", agencyId).Bind("$first", first),
            r => FollowUpRow.Read(r), cancellationToken);
}
