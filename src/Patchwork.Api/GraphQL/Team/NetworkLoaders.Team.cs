using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Loaders;

// The teams' loaders: around a client or a family, how they changed, and who broke glass.
public sealed partial class NetworkLoaders
{
    /// <summary>How far back team changes are fetched; fields filter within this.</summary>
    public const int TeamChangeDays = 90;

    private BatchLoader<string, IReadOnlyList<TeamMember>>? _clientTeams;

    public BatchLoader<string, IReadOnlyList<TeamMember>> ClientTeams =>
        _clientTeams ?? Made(ref _clientTeams, () => new(store.GetClientTeamsAsync, []));

    private BatchLoader<string, IReadOnlyList<TeamMember>>? _familyTeams;

    public BatchLoader<string, IReadOnlyList<TeamMember>> FamilyTeams =>
        _familyTeams ?? Made(ref _familyTeams, () => new(store.GetFamilyTeamsAsync, []));

    private BatchLoader<string, IReadOnlyList<TeamChange>>? _teamChanges;

    public BatchLoader<string, IReadOnlyList<TeamChange>> TeamChanges =>
        _teamChanges ?? Made(ref _teamChanges, () => new((ids, ct) => store.GetTeamChangesAsync(ids, now.AddDays(-TeamChangeDays), ct), []));

    /// <summary>How far back, and how many, break-glass views of a client its team is shown.</summary>
    public const int BreakGlassViewDays = 90;

    public const int BreakGlassViewsPerClient = 50;

    private BatchLoader<string, IReadOnlyList<AuditEntry>>? _breakGlassViews;

    /// <summary>Break-glass entries about each client, newest first: the trail is read per client, on its client index.</summary>
    public BatchLoader<string, IReadOnlyList<AuditEntry>> BreakGlassViews =>
        _breakGlassViews ?? Made(ref _breakGlassViews, () => new(BreakGlassEntriesAsync, []));

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<AuditEntry>>> BreakGlassEntriesAsync(
        IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-BreakGlassViewDays);
        var entries = await Task.WhenAll(clientIds.Select(id => audit.GetAuditTrailAsync(
            new AuditQuery(id, null, since, null, BreakGlassViewsPerClient, AuditAction.BreakGlass), cancellationToken)));
        return clientIds.Zip(entries).ToDictionary(p => p.First, p => p.Second);
    }
}
