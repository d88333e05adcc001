using Microsoft.Data.Sqlite;
using Patchwork.Ports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// A practitioner's own questions: a name search, their clients, one visit, their duty inbox.
public sealed partial class SqliteNetworkStore : IPractitionerQueries
{
    private const int MaxSearchResults = 100;

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
            c => _sql.Command(MyClients, c).Bind("$practitioner", practitionerId),
            r => ClientRow.Read(r), cancellationToken);

    public async Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => _sql.Command(VisitById, c).Bind("$id", visitId), r => VisitRow.Read(r), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(
        string agencyId, int first, CancellationToken cancellationToken) =>
        await QueryAsync(c => _sql.Command(DutyFollowUps, c).Bind("$agency", agencyId).Bind("$first", first),
            r => FollowUpRow.Read(r), cancellationToken);
}
