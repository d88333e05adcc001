using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Commissioners' follow-up requests: routed to the family's team, or to agencies' duty contacts when it has none.
public sealed partial class Neo4jNetworkStore
{
    public Task<FollowUpRequest> RequestFollowUpAsync(NewFollowUp request, Actor actor, CancellationToken cancellationToken)
    {
        var valid = request.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            _ = await tx.SingleAsync(LockFamily, "family", ("id", valid.FamilyId)) ?? throw PatchworkException.NotFound("family", valid.FamilyId);
            var (followUp, audit) = valid.Routed(
                Candidates((await tx.RunAsync(FollowUpRecipients, ("familyId", valid.FamilyId), ("leadKinds", LeadKinds))).Rows().Single()),
                now, actor);
            await tx.RunAsync(RequestFollowUp, ("followUp", Records.Map(followUp)));
            await AppendAsync(tx, audit);
            return followUp;
        }, cancellationToken);
    }

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

    private static FollowUpCandidates Candidates(IReadOnlyDictionary<string, object?> recipients)
    {
        List<Agency> Agencies(string field) => [.. ((IEnumerable<object?>)recipients[field]!).Select(a => Records.Agency(Map(a)))];
        return new FollowUpCandidates(Agencies("team"), Agencies("worked"), Agencies("leads"));
    }
}
