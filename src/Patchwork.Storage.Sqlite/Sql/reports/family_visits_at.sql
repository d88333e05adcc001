-- Per family of the area: the latest contact completed before $at, and the first visit planned from $at on
-- (as it was then: one still planned, or one scheduled after $at that has since been completed or missed).
-- A contact or visit counts only if its practitioner's agency is of $kind, when a kind is given, and never if it is
-- a restricted pair's: a last-contact day that moved with a restricted service's visit would disclose it.
SELECT f.id,
    (SELECT max((SELECT v.completed_at FROM visit v
                 WHERE v.client_id = m.id AND v.status = 'Completed' AND v.completed_at < $at
                   AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                                 WHERE p.id = v.practitioner_id AND a.kind = $kind))
                   AND NOT EXISTS (SELECT 1 FROM involvement r
                                   WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id
                                     AND r.restricted = 1)
                 ORDER BY v.completed_at DESC LIMIT 1))
     FROM client m WHERE m.family_id = f.id) AS last_contact,
    (SELECT min(v.scheduled_for) FROM client m JOIN visit v ON v.client_id = m.id
     WHERE m.family_id = f.id AND v.status IN ('Planned', 'Completed', 'Missed') AND v.scheduled_for >= $at
       AND (v.status = 'Planned' OR v.scheduled_for < $now)
       AND ($kind IS NULL OR EXISTS (SELECT 1 FROM practitioner p JOIN agency a ON a.id = p.agency_id
                                     WHERE p.id = v.practitioner_id AND a.kind = $kind))
       AND NOT EXISTS (SELECT 1 FROM involvement r
                       WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id AND r.restricted = 1))
        AS next_visit
FROM family f WHERE $area IS NULL OR f.area = $area
