-- In reach: the practitioner supports the client, or supports someone in the client's family.
-- The family branch walks from the family to its few members, then looks up the practitioner's involvement
-- with each, rather than scanning all of the practitioner's clients. Returning the records adds no search:
-- the checks run on the same indexes, and the asked rows are read by primary key.
SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, c.shielded,
       c.family_id, c.family_relationship
FROM client c
WHERE c.id IN (SELECT value FROM json_each($ids))
  AND (EXISTS (SELECT 1 FROM involvement i
               WHERE i.practitioner_id = $practitioner AND i.client_id = c.id AND i.ended_on IS NULL)
       OR (c.family_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM client m
                       WHERE m.family_id = c.family_id
                         AND EXISTS (SELECT 1 FROM involvement i
                                     WHERE i.practitioner_id = $practitioner AND i.client_id = m.id
                                       AND i.ended_on IS NULL))))
