using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Families nobody has contacted, supported or visited on time.
public sealed partial class SqliteNetworkStore
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
    // The whole network, now: read from each client's running figures (migrations 0003 and 0004, which leave
    // restricted involvements and restricted pairs' visits out) through one covering index,
    // families filtered on those figures first and only the ones kept looked up for their area (CROSS JOIN keeps that
    // order). A family with no members has nobody to contact and is not listed.
    private const string NoContactNowSql = """
        WITH activity AS (
            SELECT a.family_id, f.area, a.last_contact, a.active, a.last_planned
            FROM (
                SELECT m.family_id, max(m.last_contact_at) AS last_contact, sum(m.current_involvements) > 0 AS active,
                       max(m.last_planned_for) AS last_planned
                FROM client m WHERE m.family_id IS NOT NULL GROUP BY m.family_id) a
            CROSS JOIN family f ON f.id = a.family_id
            WHERE ($area IS NULL OR f.area = $area) AND (
                   ($no_contact = 1 AND (a.last_contact IS NULL OR a.last_contact < $since))
                OR ($no_involvement = 1 AND a.active = 0)
                OR ($overdue = 1 AND a.last_planned < $at))
        )
        SELECT family_id, area, last_contact, active, last_planned FROM activity
        """;

    // Narrowed to one kind of agency: only its contacts, involvements and planned visits count, restricted ones never.
    private const string NoContactOfKindSql = $"""
        WITH activity AS (
            SELECT f.id AS family_id, f.area,
                (SELECT max(v.completed_at) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Completed'
                 JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
                 WHERE m.family_id = f.id AND v.completed_at < $at AND a.kind = $kind AND NOT {VisitRow.IsRestricted}) AS last_contact,
                EXISTS (SELECT 1 FROM client m JOIN involvement i ON i.client_id = m.id AND i.ended_on IS NULL AND i.restricted = 0
                        JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id
                        WHERE m.family_id = f.id AND a.kind = $kind) AS active,
                (SELECT max(v.scheduled_for) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Planned'
                 JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
                 WHERE m.family_id = f.id AND a.kind = $kind AND NOT {VisitRow.IsRestricted}) AS last_planned
            FROM family f
            WHERE ($area IS NULL OR f.area = $area) AND EXISTS (SELECT 1 FROM client m WHERE m.family_id = f.id)
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
