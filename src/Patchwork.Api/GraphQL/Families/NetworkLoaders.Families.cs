using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Loaders;

// The families' loaders: by id, within reach, and their members.
public sealed partial class NetworkLoaders
{
    private BatchLoader<string, Family?>? _familiesInReach;

    /// <summary>The families with these ids in the practitioner's reach; one out of reach, or unknown, is null.</summary>
    public BatchLoader<string, Family?> FamiliesInReach =>
        _familiesInReach ?? Made(ref _familiesInReach, () => new(InReach(reach.GetFamiliesInReachAsync, () => Families), null));

    private BatchLoader<string, Family?>? _families;

    public BatchLoader<string, Family?> Families =>
        _families ?? Made(ref _families, () => new(OrNull(store.GetFamiliesAsync), null));

    private BatchLoader<string, IReadOnlyList<Client>>? _familyMembers;

    public BatchLoader<string, IReadOnlyList<Client>> FamilyMembers =>
        _familyMembers ?? Made(ref _familyMembers, () => new(store.GetFamilyMembersAsync, []));
}
