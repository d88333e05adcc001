using Patchwork.Ports;
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
            r => new FamilyActivity(r.GetString(0), r.GetString(1), r.TimeOrNull(2), r.GetBoolean(3), r.TimeOrNull(4)),
            cancellationToken);
}
