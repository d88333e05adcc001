using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Loaders;

// The visits' loaders: upcoming visits and recent contacts per client.
public sealed partial class NetworkLoaders
{
    /// <summary>How many upcoming visits or recent contacts are fetched per client; fields page within this.</summary>
    public const int VisitsPerClient = 50;

    private BatchLoader<string, IReadOnlyList<Visit>>? _upcomingVisits;

    public BatchLoader<string, IReadOnlyList<Visit>> UpcomingVisits =>
        _upcomingVisits ?? Made(ref _upcomingVisits, () => new((ids, ct) => store.GetUpcomingVisitsAsync(ids, VisitsPerClient, ct), []));

    private BatchLoader<string, IReadOnlyList<Visit>>? _recentContacts;

    public BatchLoader<string, IReadOnlyList<Visit>> RecentContacts =>
        _recentContacts ?? Made(ref _recentContacts, () => new((ids, ct) => store.GetRecentContactsAsync(ids, VisitsPerClient, ct), []));
}
