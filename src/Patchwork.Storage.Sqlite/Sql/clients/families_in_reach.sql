SELECT f.id, f.name, f.area
FROM family f
WHERE f.id IN (SELECT value FROM json_each($ids))
  AND EXISTS (SELECT 1 FROM client m
              WHERE m.family_id = f.id
                AND EXISTS (SELECT 1 FROM involvement i
                            WHERE i.practitioner_id = $practitioner AND i.client_id = m.id
                              AND i.ended_on IS NULL))
