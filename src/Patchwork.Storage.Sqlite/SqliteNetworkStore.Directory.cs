using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// The directory as sign-in and the agency list read it.
public sealed partial class SqliteNetworkStore : IDirectoryReads
{
    public async Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken) =>
        await QueryAsync(c => _sql.Command(AllAgencies, c), AgencyRow.From, cancellationToken);

    public async Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => _sql.Command(AccountBySubject, c).Bind("$subject", subject),
            PractitionerAccountRow.From,
            cancellationToken);
        return found.SingleOrDefault();
    }
}
