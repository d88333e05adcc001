using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>A store's own life: brought up to date at start-up, asked whether it is ready, and seeded when empty.</summary>
public interface IStoreLifecycle
{
    /// <summary>Creates what the store needs and brings its schema up to date; call once, before anything else.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Loads a whole network at once into an empty store (a seed or a test network), in one change.</summary>
    Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken);
}
