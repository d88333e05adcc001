using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.GraphQL.Loaders;

/// <summary>
/// One batching loader per relationship edge of the graph, for one request. Each is made when a field first
/// asks for it: most requests walk two or three edges, and a request is short enough that its garbage matters.
/// </summary>
/// <param name="reach">Reads which clients and families the signed-in practitioner can reach, with the records.</param>
/// <param name="practitionerId">The signed-in practitioner, if any: whose reach the reach loaders read.</param>
/// <param name="reading">
/// True for a query. Its records in reach are then also the records its other fields read, so the client or family
/// a query opened is read once; a mutation's fields read afresh, since the change may alter what the check read.
/// </param>
public sealed class NetworkLoaders(
    IBatchReads store, IReach reach, IAuditTrail audit, string? practitionerId, bool reading, DateTimeOffset now)
{
    /// <summary>How far back team changes are fetched; fields filter within this.</summary>
    public const int TeamChangeDays = 90;

    /// <summary>How many upcoming visits or recent contacts are fetched per client; fields page within this.</summary>
    public const int VisitsPerClient = 50;

    private BatchLoader<string, Agency?>? _agencies;

    public BatchLoader<string, Agency?> Agencies =>
        _agencies ?? Made(ref _agencies, () => new(OrNull(store.GetAgenciesByIdAsync), null));

    private BatchLoader<string, Practitioner?>? _practitioners;

    public BatchLoader<string, Practitioner?> Practitioners =>
        _practitioners ?? Made(ref _practitioners, () => new(OrNull(store.GetPractitionersAsync), null));

    private BatchLoader<string, Client?>? _clientsInReach;

    /// <summary>The clients with these ids in the practitioner's reach; one out of reach, or unknown, is null.</summary>
    public BatchLoader<string, Client?> ClientsInReach =>
        _clientsInReach ?? Made(ref _clientsInReach, () => new(InReach(reach.GetClientsInReachAsync, () => Clients), null));

    private BatchLoader<string, Family?>? _familiesInReach;

    /// <summary>The families with these ids in the practitioner's reach; one out of reach, or unknown, is null.</summary>
    public BatchLoader<string, Family?> FamiliesInReach =>
        _familiesInReach ?? Made(ref _familiesInReach, () => new(InReach(reach.GetFamiliesInReachAsync, () => Families), null));

    private BatchLoader<string, Client?>? _clients;

    public BatchLoader<string, Client?> Clients =>
        _clients ?? Made(ref _clients, () => new(OrNull(store.GetClientsAsync), null));

    private BatchLoader<string, Family?>? _families;

    public BatchLoader<string, Family?> Families =>
        _families ?? Made(ref _families, () => new(OrNull(store.GetFamiliesAsync), null));

    private BatchLoader<string, IReadOnlyList<Client>>? _familyMembers;

    public BatchLoader<string, IReadOnlyList<Client>> FamilyMembers =>
        _familyMembers ?? Made(ref _familyMembers, () => new(store.GetFamilyMembersAsync, []));

    private BatchLoader<string, IReadOnlyList<TeamMember>>? _clientTeams;

    public BatchLoader<string, IReadOnlyList<TeamMember>> ClientTeams =>
        _clientTeams ?? Made(ref _clientTeams, () => new(store.GetClientTeamsAsync, []));

    private BatchLoader<string, IReadOnlyList<TeamMember>>? _familyTeams;

    public BatchLoader<string, IReadOnlyList<TeamMember>> FamilyTeams =>
        _familyTeams ?? Made(ref _familyTeams, () => new(store.GetFamilyTeamsAsync, []));

    private BatchLoader<string, IReadOnlyList<TeamChange>>? _teamChanges;

    public BatchLoader<string, IReadOnlyList<TeamChange>> TeamChanges =>
        _teamChanges ?? Made(ref _teamChanges, () => new((ids, ct) => store.GetTeamChangesAsync(ids, now.AddDays(-TeamChangeDays), ct), []));

    private BatchLoader<string, IReadOnlyList<Visit>>? _upcomingVisits;

    public BatchLoader<string, IReadOnlyList<Visit>> UpcomingVisits =>
        _upcomingVisits ?? Made(ref _upcomingVisits, () => new((ids, ct) => store.GetUpcomingVisitsAsync(ids, VisitsPerClient, ct), []));

    private BatchLoader<string, IReadOnlyList<Visit>>? _recentContacts;

    public BatchLoader<string, IReadOnlyList<Visit>> RecentContacts =>
        _recentContacts ?? Made(ref _recentContacts, () => new((ids, ct) => store.GetRecentContactsAsync(ids, VisitsPerClient, ct), []));

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

    /// <summary>Reads records in reach; for a query, what it finds is also what the plain loader answers for those ids.</summary>
    private Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T?>>> InReach<T>(
        Func<string, IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch,
        Func<BatchLoader<string, T?>> plain)
        where T : class =>
        async (ids, ct) =>
        {
            var found = practitionerId is null
                ? new Dictionary<string, T>()
                : await fetch(practitionerId, ids, ct);
            if (reading)
            {
                foreach (var (id, record) in found)
                {
                    plain().Prime(id, record);
                }
            }
            return found.ToDictionary(kv => kv.Key, kv => (T?)kv.Value);
        };

    /// <summary>Made once even when two fields of one level ask at the same moment; callers check the field first, so the factory is allocated only then.</summary>
    private static T Made<T>(ref T? loader, Func<T> make)
        where T : class => LazyInitializer.EnsureInitialized(ref loader, make);

    private static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T?>>> OrNull<T>(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
        where T : class =>
        async (keys, ct) => (await fetch(keys, ct)).ToDictionary(kv => kv.Key, kv => (T?)kv.Value);
}
