-- Restricted work counts in none of these figures (docs/governance.md): a family whose only involvement is
-- restricted is listed as having none, which sends a follow-up to its team or duty contacts rather than telling a
-- commissioner the household used a restricted service.
-- Narrowed to one kind of agency: only its contacts, involvements and planned visits count, restricted ones never.
WITH activity AS (
    SELECT fa.id AS family_id, fa.area,
        (SELECT max(v.completed_at) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Completed'
         JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
         WHERE m.family_id = fa.id AND v.completed_at < $at AND a.kind = $kind
           AND NOT EXISTS (SELECT 1 FROM involvement r
                           WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id
                             AND r.restricted = 1)) AS last_contact,
        -- Whether a member had an unrestricted involvement at $at (of $kind, when given).
        EXISTS (SELECT 1 FROM client c JOIN involvement i ON i.client_id = c.id
                WHERE c.family_id = fa.id AND i.restricted = 0 AND i.since <= $at
                  AND (i.ended_on IS NULL OR i.ended_on > $at)
                  AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                                WHERE p.id = i.practitioner_id AND a.kind = $kind))) AS active,
        (SELECT max(v.scheduled_for) FROM client m JOIN visit v ON v.client_id = m.id AND v.status = 'Planned'
         JOIN practitioner p ON p.id = v.practitioner_id JOIN agency a ON a.id = p.agency_id
         WHERE m.family_id = fa.id AND a.kind = $kind
           AND NOT EXISTS (SELECT 1 FROM involvement r
                           WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id
                             AND r.restricted = 1)) AS last_planned
    FROM family fa
    WHERE ($area IS NULL OR fa.area = $area) AND EXISTS (SELECT 1 FROM client m WHERE m.family_id = fa.id)
)
-- Which families to keep, by the reasons asked for.
SELECT family_id, area, last_contact, active, last_planned FROM activity
WHERE ($no_contact = 1 AND (last_contact IS NULL OR last_contact < $since))
   OR ($no_involvement = 1 AND active = 0)
   OR ($overdue = 1 AND last_planned < $at)
