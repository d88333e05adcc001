using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Agencies and practitioners.
public sealed partial class SqliteNetworkStore
{
    private const string AllAgenciesSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a ORDER BY a.name, a.id";

    private const string AgenciesByIdSql =
        "SELECT " + AgencyRow.Columns + " FROM agency a WHERE a.id IN (SELECT value FROM json_each($ids))";

    private const string PractitionerBySubjectSql =
        "SELECT " + PractitionerRow.Columns + " FROM practitioner p WHERE p.subject = $subject";

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

    public async Task<Practitioner?> FindPractitionerBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            c => new SqliteCommand(PractitionerBySubjectSql, c).Bind("$subject", subject),
            r => PractitionerRow.Read(r), cancellationToken);
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
