using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// The directory as sign-in and the agency list read it.
public sealed partial class SqliteNetworkStore : IDirectoryReads
{
    private const string AllAgenciesSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a ORDER BY a.name, a.id";

    // The practitioner's row by the unique subject index, then their agency by primary key: one statement.
    private const string AccountBySubjectSql =
        "SELECT " + PractitionerRow.Columns + ", " + AgencyRow.Columns +
        " FROM practitioner p JOIN agency a ON a.id = p.agency_id WHERE p.subject = $subject";

    public async Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken) =>
        await QueryAsync(c => new SqliteCommand(AllAgenciesSql, c), r => AgencyRow.Read(r), cancellationToken);

    public async Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => new SqliteCommand(AccountBySubjectSql, c).Bind("$subject", subject),
            r => new PractitionerAccount(PractitionerRow.Read(r), AgencyRow.Read(r, PractitionerRow.Width)),
            cancellationToken);
        return found.SingleOrDefault();
    }
}
