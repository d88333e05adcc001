using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Loaders;

// The clients' loaders: by id, and by id within the practitioner's reach.
public sealed partial class NetworkLoaders
{
    private BatchLoader<string, Client?>? _clientsInReach;

    /// <summary>The clients with these ids in the practitioner's reach; one out of reach, or unknown, is null.</summary>
    public BatchLoader<string, Client?> ClientsInReach =>
        _clientsInReach ?? Made(ref _clientsInReach, () => new(InReach(reach.GetClientsInReachAsync, () => Clients), null));

    private BatchLoader<string, Client?>? _clients;

    public BatchLoader<string, Client?> Clients =>
        _clients ?? Made(ref _clients, () => new(OrNull(store.GetClientsAsync), null));

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
}
