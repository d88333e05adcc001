using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Commissioners' follow-up requests: routed to the family's team, or to agencies' duty contacts when it has none.
public sealed partial class Neo4jNetworkStore
{
    public async Task<ILookup<string, FollowUpRequest>> GetFollowUpRequestsAsync(
        IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken)
    {
        if (familyIds.Count == 0)
        {
            return EmptyLookup<FollowUpRequest>();
        }
        var requests = (await ReadAsync(FollowUpsByFamily, cancellationToken, ("ids", familyIds))).Maps("followUp").Select(Records.FollowUp);
        return requests.ToLookup(r => r.FamilyId);
    }

    /// <remarks>A negative <paramref name="first"/> reads nothing (Cypher refuses a negative LIMIT).</remarks>
    public async Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(string agencyId, int first, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(DutyFollowUps, cancellationToken, ("agencyId", agencyId), ("first", (long)Math.Max(first, 0))))
            .Maps("followUp").Select(Records.FollowUp)];
}
