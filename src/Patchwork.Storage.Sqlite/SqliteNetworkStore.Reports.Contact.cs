using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// Families nobody has contacted, supported or visited on time.
public sealed partial class SqliteNetworkStore : INetworkReports
{
    public async Task<IReadOnlyList<FamilyActivity>> FindFamiliesWithoutContactAsync(
        NoContactQuery query, CancellationToken cancellationToken) =>
        await QueryAsync(
            c => _sql.Command(query.AgencyKind is null ? FamiliesWithoutContact : FamiliesWithoutContactOfKind, c)
                .Bind("$area", query.Area)
                .Bind("$kind", query.AgencyKind)
                .Bind("$at", query.At)
                .Bind("$since", query.ContactSince)
                .Bind("$no_contact", query.Reasons.Contains(NoContactReason.NoRecentContact))
                .Bind("$no_involvement", query.Reasons.Contains(NoContactReason.NoActiveInvolvement))
                .Bind("$overdue", query.Reasons.Contains(NoContactReason.OnlyOverdueVisits)),
            ReadActivity, cancellationToken);

    private static Func<SqliteDataReader, FamilyActivity> ReadActivity(SqliteDataReader result)
    {
        var (family, area, lastContact) = (result.GetOrdinal("family_id"), result.GetOrdinal("area"), result.GetOrdinal("last_contact"));
        var (active, lastPlanned) = (result.GetOrdinal("active"), result.GetOrdinal("last_planned"));
        return row => new FamilyActivity(
            row.GetString(family), row.GetString(area), row.TimeOrNull(lastContact), row.GetBoolean(active), row.TimeOrNull(lastPlanned));
    }
}
