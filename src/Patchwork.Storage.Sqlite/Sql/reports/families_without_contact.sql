-- Restricted work counts in none of these figures (docs/governance.md): a family whose only involvement is
-- restricted is listed as having none, which sends a follow-up to its team or duty contacts rather than telling a
-- commissioner the household used a restricted service.
-- The whole network, as it was at $at (the start of the week, from the API): each client's running figures
-- (migrations 0003 and 0004, which leave restricted involvements and restricted pairs' visits out) through one
-- covering index, looking back into the visits only for a family contacted since $at (each member's newest contact
-- before $at, read down its contact index until one is not a restricted pair's), and into the involvements
-- for who was supported then. Planned visits are those planned now. A family with no members has nobody to contact
-- and is not listed. One registered since $at is listed (nobody had contacted it by then): it is to be acted on.
WITH figures AS (
    SELECT m.family_id AS id, max(m.last_contact_at) AS last_contact, max(m.last_planned_for) AS last_planned
    FROM client m WHERE m.family_id IS NOT NULL GROUP BY m.family_id
),
activity AS (
    SELECT fa.id AS family_id, f.area,
        CASE WHEN fa.last_contact IS NULL OR fa.last_contact < $at THEN fa.last_contact
             ELSE (SELECT max((SELECT v.completed_at FROM visit v
                               WHERE v.client_id = c.id AND v.status = 'Completed' AND v.completed_at < $at
                                 AND NOT EXISTS (SELECT 1 FROM involvement r
                                                 WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id
                                                   AND r.restricted = 1)
                               ORDER BY v.completed_at DESC LIMIT 1))
                   FROM client c WHERE c.family_id = fa.id) END AS last_contact,
        -- Whether a member had an unrestricted involvement at $at (of $kind, when given).
        EXISTS (SELECT 1 FROM client c JOIN involvement i ON i.client_id = c.id
                WHERE c.family_id = fa.id AND i.restricted = 0 AND i.since <= $at
                  AND (i.ended_on IS NULL OR i.ended_on > $at)
                  AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                                WHERE p.id = i.practitioner_id AND a.kind = $kind))) AS active,
        fa.last_planned
    FROM figures fa CROSS JOIN family f ON f.id = fa.id
    WHERE $area IS NULL OR f.area = $area
)
-- Which families to keep, by the reasons asked for.
SELECT family_id, area, last_contact, active, last_planned FROM activity
WHERE ($no_contact = 1 AND (last_contact IS NULL OR last_contact < $since))
   OR ($no_involvement = 1 AND active = 0)
   OR ($overdue = 1 AND last_planned < $at)
