namespace Patchwork.Changes;

/// <summary>A store's way in for changes: one transaction per change, committed only if the change returns normally.</summary>
public interface IWriteStore
{
    /// <summary>
    /// Runs <paramref name="change"/> in one transaction and commits it if it returns; anything it throws rolls the
    /// whole transaction back. Two changes racing for the same unique value (a sign-in subject, an agency name) are
    /// refused as CONFLICT by the store, as the change's own check would have said.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken);
}
