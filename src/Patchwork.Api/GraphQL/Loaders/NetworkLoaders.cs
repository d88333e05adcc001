using Patchwork.Ports;

namespace Patchwork.Api.GraphQL.Loaders;

/// <summary>
/// One batching loader per relationship edge of the graph, for one request. Each is made when a field first
/// asks for it: most requests walk two or three edges, and a request is short enough that its garbage matters.
/// Each feature's loaders are in a part of this class beside its types (Clients/, Families/, Team/, Visits/ …).
/// </summary>
/// <param name="reach">Reads which clients and families the signed-in practitioner can reach, with the records.</param>
/// <param name="practitionerId">The signed-in practitioner, if any: whose reach the reach loaders read.</param>
/// <param name="reading">
/// True for a query. Its records in reach are then also the records its other fields read, so the client or family
/// a query opened is read once; a mutation's fields read afresh, since the change may alter what the check read.
/// </param>
public sealed partial class NetworkLoaders(
    IBatchReads store, IReach reach, IAuditTrail audit, string? practitionerId, bool reading, DateTimeOffset now)
{
    /// <summary>Made once even when two fields of one level ask at the same moment; callers check the field first, so the factory is allocated only then.</summary>
    private static T Made<T>(ref T? loader, Func<T> make)
        where T : class => LazyInitializer.EnsureInitialized(ref loader, make);

    private static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T?>>> OrNull<T>(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
        where T : class =>
        async (keys, ct) => (await fetch(keys, ct)).ToDictionary(kv => kv.Key, kv => (T?)kv.Value);
}
