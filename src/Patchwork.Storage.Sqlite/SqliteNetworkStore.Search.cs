using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Client-name search.
public sealed partial class SqliteNetworkStore
{
    private const int MaxSearchResults = 100;

    // Shielded clients are left out unless the searcher is in their team. bm25 ranks the better match first
    // (lower is better); the name and id after it make equal ranks come back in the same order every time.
    private const string SearchClientsSql = """
        WITH hit AS (
            SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.postcode, c.shielded,
                   bm25(client_name) AS rank,
                   EXISTS (SELECT 1 FROM involvement i
                           WHERE i.practitioner_id = $practitioner AND i.client_id = c.id AND i.ended_on IS NULL)
                       AS in_my_team
            FROM client_name
            JOIN client c ON c.seq = client_name.rowid
            WHERE client_name MATCH $match
              AND ($date_of_birth IS NULL OR c.date_of_birth = $date_of_birth)
        )
        SELECT id, given_name, family_name, date_of_birth, postcode, in_my_team
        FROM hit
        WHERE shielded = 0 OR in_my_team = 1
        ORDER BY rank, family_name, given_name, id
        LIMIT $first
        """;

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
}
