using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>
/// Reach: a practitioner may see a client when they are in the team of that client or of any member of the client's
/// family. These return the records of the given ids within the practitioner's reach, so that checking reach and
/// reading what it guards is one round trip.
/// </summary>
public interface IReach
{
    Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
}
