using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Loaders;

// The directory's loaders: agencies and practitioners by id.
public sealed partial class NetworkLoaders
{
    private BatchLoader<string, Agency?>? _agencies;

    public BatchLoader<string, Agency?> Agencies =>
        _agencies ?? Made(ref _agencies, () => new(OrNull(store.GetAgenciesByIdAsync), null));

    private BatchLoader<string, Practitioner?>? _practitioners;

    public BatchLoader<string, Practitioner?> Practitioners =>
        _practitioners ?? Made(ref _practitioners, () => new(OrNull(store.GetPractitionersAsync), null));
}
