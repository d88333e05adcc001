using Microsoft.Data.Sqlite;
using Patchwork.Network;

namespace Patchwork.Storage.Sqlite;

// Agencies and practitioners.
public sealed partial class SqliteNetworkStore
{
    private const string AllAgenciesSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a ORDER BY a.name, a.id";

    private const string AgenciesByIdSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a WHERE a.id IN (SELECT value FROM json_each($ids))";

    // The practitioner's row by the unique subject index, then their agency by primary key: one statement.
    private const string AccountBySubjectSql =
        "SELECT " + PractitionerRow.Columns + ", " + AgencyRow.Columns +
        " FROM practitioner p JOIN agency a ON a.id = p.agency_id WHERE p.subject = $subject";

    private const string PractitionersByIdSql =
        "SELECT " + PractitionerRow.Columns + " FROM practitioner p WHERE p.id IN (SELECT value FROM json_each($ids))";

    public async Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken) =>
        await QueryAsync(c => new SqliteCommand(AllAgenciesSql, c), r => AgencyRow.Read(r), cancellationToken);

    public async Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Agency>();
        }
        var agencies = await QueryAsync(
            c => new SqliteCommand(AgenciesByIdSql, c).Bind("$ids", ids), r => AgencyRow.Read(r), cancellationToken);
        return agencies.ToDictionary(a => a.Id);
    }

    public async Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => new SqliteCommand(AccountBySubjectSql, c).Bind("$subject", subject),
            r => new PractitionerAccount(PractitionerRow.Read(r), AgencyRow.Read(r, PractitionerRow.Width)),
            cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, Practitioner>();
        }
        var practitioners = await QueryAsync(
            c => new SqliteCommand(PractitionersByIdSql, c).Bind("$ids", ids), r => PractitionerRow.Read(r), cancellationToken);
        return practitioners.ToDictionary(p => p.Id);
    }
}
