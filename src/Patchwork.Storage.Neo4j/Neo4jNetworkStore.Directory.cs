using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// The directory as sign-in and the agency list read it.
public sealed partial class Neo4jNetworkStore : IDirectoryReads
{
    public async Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken) =>
        [.. (await ReadAsync(AllAgencies, cancellationToken)).Maps("agency").Select(Records.Agency)];

    public async Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccountBySubject, cancellationToken, ("subject", subject));
        return result.Maps("practitioner").Zip(result.Maps("agency"),
            (practitioner, agency) => new PractitionerAccount(Records.Practitioner(practitioner), Records.Agency(agency))).SingleOrDefault();
    }
}
