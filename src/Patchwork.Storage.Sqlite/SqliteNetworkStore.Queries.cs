using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// A practitioner's own questions: a name search, their clients, one visit, their duty inbox.
public sealed partial class SqliteNetworkStore : IPractitionerQueries
{
    public async Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken)
    {
        var match = NameQuery.ToMatchExpression(search.Query);
        if (match is null)
        {
            return [];
        }
        return await QueryAsync(
            c => _sql.Command(SearchClients, c)
                .Bind("$match", match)
                .Bind("$date_of_birth", search.DateOfBirth)
                .Bind("$practitioner", search.PractitionerId)
                .Bind("$first", search.Matches),
            ReadMatch, cancellationToken);
    }

    private static Func<SqliteDataReader, ClientMatch> ReadMatch(SqliteDataReader result)
    {
        var (id, givenName, familyName) = (result.GetOrdinal("id"), result.GetOrdinal("given_name"), result.GetOrdinal("family_name"));
        var (dateOfBirth, postcode, inMyTeam) =
            (result.GetOrdinal("date_of_birth"), result.GetOrdinal("postcode"), result.GetOrdinal("in_my_team"));
        return row => new ClientMatch(
            ClientId: row.GetString(id),
            DisplayName: $"{row.GetString(givenName)} {row.GetString(familyName)}",
            DateOfBirth: row.Date(dateOfBirth),
            PostcodeDistrict: Check.PostcodeDistrict(row.GetString(postcode)),
            InMyTeam: row.GetBoolean(inMyTeam));
    }

    public async Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken) =>
        await QueryAsync(
            c => _sql.Command(MyClients, c).Bind("$practitioner", practitionerId),
            ClientRow.From, cancellationToken);

    public async Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => _sql.Command(VisitById, c).Bind("$id", visitId), VisitRow.From, cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(
        string agencyId, int first, CancellationToken cancellationToken) =>
        await QueryAsync(c => _sql.Command(DutyFollowUps, c).Bind("$agency", agencyId).Bind("$first", first),
            FollowUpRow.From, cancellationToken);
}
