namespace Patchwork.Api.GraphQL.Loaders;

/// <summary>One batching loader per relationship edge of the graph, for one request.</summary>
public sealed class NetworkLoaders(INetworkStore store, DateTimeOffset now)
{
    /// <summary>How far back team changes are fetched; fields filter within this.</summary>
    public const int TeamChangeDays = 90;

    /// <summary>How many upcoming visits or recent contacts are fetched per client; fields page within this.</summary>
    public const int VisitsPerClient = 50;

    public BatchLoader<string, Agency?> Agencies { get; } = new(OrNull(store.GetAgenciesByIdAsync), null);

    public BatchLoader<string, Practitioner?> Practitioners { get; } = new(OrNull(store.GetPractitionersAsync), null);

    public BatchLoader<string, Client?> Clients { get; } = new(OrNull(store.GetClientsAsync), null);

    public BatchLoader<string, Family?> Families { get; } = new(OrNull(store.GetFamiliesAsync), null);

    public BatchLoader<string, IReadOnlyList<Client>> FamilyMembers { get; } =
        new(ByKey(store.GetFamilyMembersAsync), []);

    public BatchLoader<string, IReadOnlyList<TeamMember>> ClientTeams { get; } =
        new(ByKey(store.GetClientTeamsAsync), []);

    public BatchLoader<string, IReadOnlyList<TeamMember>> FamilyTeams { get; } =
        new(ByKey(store.GetFamilyTeamsAsync), []);

    public BatchLoader<string, IReadOnlyList<TeamChange>> TeamChanges { get; } =
        new(ByKey((ids, ct) => store.GetTeamChangesAsync(ids, now.AddDays(-TeamChangeDays), ct)), []);

    public BatchLoader<string, IReadOnlyList<Visit>> UpcomingVisits { get; } =
        new(ByKey((ids, ct) => store.GetUpcomingVisitsAsync(ids, VisitsPerClient, ct)), []);

    public BatchLoader<string, IReadOnlyList<Visit>> RecentContacts { get; } =
        new(ByKey((ids, ct) => store.GetRecentContactsAsync(ids, VisitsPerClient, ct)), []);

    private static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T?>>> OrNull<T>(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
        where T : class =>
        async (keys, ct) => (await fetch(keys, ct)).ToDictionary(kv => kv.Key, kv => (T?)kv.Value);

    private static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, IReadOnlyList<T>>>> ByKey<T>(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<ILookup<string, T>>> fetch) =>
        async (keys, ct) => (await fetch(keys, ct)).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)[.. g]);
}
