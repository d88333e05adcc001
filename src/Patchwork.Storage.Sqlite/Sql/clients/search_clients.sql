-- Shielded clients are left out unless the searcher is in their team. Matches come back in register order:
-- family name, given name, then id, so equal names always come back in the same order. Relevance ranking
-- (bm25) is not used: names are one or two words, so it barely separates matches, and computing it for every
-- match of a common surname (thousands in a county) cost several milliseconds a search. Whether the searcher
-- is in a client's team is looked up for shielded matches and for the page returned, not for every match.
WITH found AS (
    SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.postcode
    FROM client_name
    JOIN client c ON c.seq = client_name.rowid
    WHERE client_name MATCH $match
      AND ($date_of_birth IS NULL OR c.date_of_birth = $date_of_birth)
      AND (c.shielded = 0
           OR EXISTS (SELECT 1 FROM involvement i
                      WHERE i.practitioner_id = $practitioner AND i.client_id = c.id AND i.ended_on IS NULL))
    ORDER BY c.family_name, c.given_name, c.id
    LIMIT $first
)
SELECT f.id, f.given_name, f.family_name, f.date_of_birth, f.postcode,
       EXISTS (SELECT 1 FROM involvement i
               WHERE i.practitioner_id = $practitioner AND i.client_id = f.id AND i.ended_on IS NULL) AS in_my_team
FROM found f
ORDER BY f.family_name, f.given_name, f.id
