using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Which clients and families a practitioner can reach, read with the records themselves.
public sealed partial class Neo4jNetworkStore : IReach
{
    public Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(
        string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        ByIdAsync(ClientsInReach, "client", clientIds, Records.Client, c => c.Id, cancellationToken, ("practitionerId", practitionerId));

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(
        string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        ByIdAsync(FamiliesInReach, "family", familyIds, Records.Family, f => f.Id, cancellationToken, ("practitionerId", practitionerId));
}
