using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// Families nobody has contacted, supported or visited on time.
public sealed partial class SqliteNetworkStore : INetworkReports
{
    // Which families to keep, on the columns (family_id, area, last_contact, active, last_planned) of `activity`.
    private const string NoContactWhere = """
        WHERE ($no_contact = 1 AND (last_contact IS NULL OR last_contact < $since))
           OR ($no_involvement = 1 AND active = 0)
           OR ($overdue = 1 AND last_planned < $at)
        """;

    // Restricted work counts in none of these figures (docs/governance.md): a family whose only involvement is
    // restricted is listed as having none, which sends a follow-up to its team or duty contacts rather than telling a
    // commissioner the household used a restricted service.
    //
    // Whether a member of family fa.id had an unrestricted involvement at $at (of $kind, when given).
    private const string ActiveAtSql = """
        EXISTS (SELECT 1 FROM client c JOIN involvement i ON i.client_id = c.id
                WHERE c.family_id = fa.id AND i.restricted = 0 AND i.since <= $at AND (i.ended_on IS NULL OR i.ended_on > $at)
                  AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                                WHERE p.id = i.practitioner_id AND a.kind = $kind)))
        """;

    // The whole network, as it was at $at (the start of the week, from the API): each client's running figures
    // (migrations 0003 and 0004, which leave restricted involvements and restricted pairs' visits out) through one
    // covering index, looking back into the visits only for a family contacted since $at (each member's newest contact
    // before $at, read down its contact index until one is not a restricted pair's), and into the involvements
    // for who was supported then. Planned visits are those planned now. A family with no members has nobody to contact
    // and is not listed. One registered since $at is listed (nobody had contacted it by then): it is to be acted on.
    private const string NoContactNowSql = $"""
        WITH figures AS (
            SELECT m.family_id AS id, max(m.last_contact_at) AS last_contact, max(m.last_planned_for) AS last_planned
            FROM client m WHERE m.family_id IS NOT NULL GROUP BY m.family_id
        ),
        activity AS (
            SELECT fa.id AS family_id, f.area,
                CASE WHEN fa.last_contact IS NULL OR fa.last_contact < $at THEN fa.last_contact
                     ELSE (SELECT max((SELECT v.completed_at FROM visit v
                                       WHERE v.client_id = c.id AND v.status = 'Completed' AND v.completed_at < $at
                                         AND NOT {VisitRow.IsRestricted}
                                       ORDER BY v.completed_at DESC LIMIT 1))
                           FROM client c WHERE c.family_id = fa.id) END AS last_contact,
                {ActiveAtSql} AS active,
                fa.last_planned
            FROM figures fa CROSS JOIN family f ON f.id = fa.id
            WHERE $area IS NULL OR f.area = $area
        )
        SELECT family_id, area, last_contact, active, last_planned FROM activity
        {NoContactWhere}
        """;

    // Narrowed to one kind of agency: only its contacts, involvements and planned visits count, restricted ones never.
    private const string NoContactOfKindSql = $"""
        WITH activity AS (
            SELECT fa.id AS family_id, fa.area,
                (SELECT max(v.completed_at) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Completed'
                 JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
                 WHERE m.family_id = fa.id AND v.completed_at < $at AND a.kind = $kind AND NOT {VisitRow.IsRestricted}) AS last_contact,
                {ActiveAtSql} AS active,
                (SELECT max(v.scheduled_for) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Planned'
                 JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
                 WHERE m.family_id = fa.id AND a.kind = $kind AND NOT {VisitRow.IsRestricted}) AS last_planned
            FROM family fa
            WHERE ($area IS NULL OR fa.area = $area) AND EXISTS (SELECT 1 FROM client m WHERE m.family_id = fa.id)
        )
        SELECT family_id, area, last_contact, active, last_planned FROM activity
        {NoContactWhere}
        """;

    public async Task<IReadOnlyList<FamilyActivity>> FindFamiliesWithoutContactAsync(
        NoContactQuery query, CancellationToken cancellationToken) =>
        await QueryAsync(
            c => (query.AgencyKind is null ? new SqliteCommand(NoContactNowSql, c) : new SqliteCommand(NoContactOfKindSql, c))
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
