using Patchwork.Reports;

namespace Patchwork.Api.GraphQL.Loaders;

// The reports' loaders: commissioners' follow-up requests about each family.
public sealed partial class NetworkLoaders
{
    private BatchLoader<string, IReadOnlyList<FollowUpRequest>>? _followUps;

    /// <summary>The follow-up requests about each family, newest first.</summary>
    public BatchLoader<string, IReadOnlyList<FollowUpRequest>> FollowUps =>
        _followUps ?? Made(ref _followUps, () => new(store.GetFollowUpRequestsAsync, []));
}
