using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>The directory as sign-in and the agency list read it.</summary>
public interface IDirectoryReads
{
    Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken);

    /// <summary>The practitioner a sign-in subject maps to, with their agency; one who has left still comes back.</summary>
    Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken);
}
