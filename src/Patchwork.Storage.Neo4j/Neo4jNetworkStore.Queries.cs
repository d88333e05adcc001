using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// A practitioner's own questions: a name search, their clients, one visit, their duty inbox.
public sealed partial class Neo4jNetworkStore : IPractitionerQueries
{
    public async Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken)
    {
        var query = FullTextQuery.From(search.Query);
        if (query is null)
        {
            return [];
        }
        var matches = await ReadAsync(SearchClients, cancellationToken,
            ("query", query),
            ("dateOfBirth", search.DateOfBirth),
            ("practitionerId", search.PractitionerId),
            ("first", (long)search.Matches));
        return [.. matches.Maps("hit").Select(m => new ClientMatch(
            ClientId: (string)m["id"]!,
            DisplayName: $"{m["givenName"]} {m["familyName"]}",
            DateOfBirth: (DateOnly)m["dateOfBirth"]!,
            PostcodeDistrict: Check.PostcodeDistrict((string)m["postcode"]!),
            InMyTeam: m["inMyTeam"] is true))];
    }

    public async Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(MyClients, cancellationToken, ("practitionerId", practitionerId))).Maps("client").Select(Records.Client)];

    public async Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken) =>
        (await ReadAsync(VisitById, cancellationToken, ("id", visitId))).Maps("visit").Select(Records.Visit).SingleOrDefault();

    /// <remarks>A negative <paramref name="first"/> reads nothing (Cypher refuses a negative LIMIT).</remarks>
    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(string agencyId, int first, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(DutyFollowUps, cancellationToken, ("agencyId", agencyId), ("first", (long)Math.Max(first, 0))))
            .Maps("followUp").Select(Records.FollowUp)];
}
