using Patchwork.Changes;

namespace Patchwork.Ports;

/// <summary>
/// Every port of one store, each for its own user. A store project builds it with <see cref="Of"/>, whose constraint
/// is the list of ports a store must implement: nothing finds a port by casting.
/// </summary>
public sealed record StorePorts(
    IDirectoryReads Directory,
    IBatchReads Batches,
    IPractitionerQueries Queries,
    IReach Reach,
    IAuditTrail Audit,
    IWriteStore Writes,
    INetworkReports Reports,
    INetworkExport Export,
    INetworkBulkImport Import,
    INetworkBulkImport MergingImport,
    IStoreLifecycle Lifecycle)
{
    /// <param name="store">The store, which implements every port.</param>
    /// <param name="mergingImport">Its bulk import in the mode that brings rows already there up to the incoming values.</param>
    public static StorePorts Of<TStore>(TStore store, INetworkBulkImport mergingImport)
        where TStore : IDirectoryReads, IBatchReads, IPractitionerQueries, IReach, IAuditTrail, IWriteStore, INetworkReports,
            INetworkExport, INetworkBulkImport, IStoreLifecycle =>
        new(store, store, store, store, store, store, store, store, store, mergingImport, store);
}
