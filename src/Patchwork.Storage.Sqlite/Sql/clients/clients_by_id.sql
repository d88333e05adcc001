SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, c.shielded,
       c.family_id, c.family_relationship
FROM client c
WHERE c.id IN (SELECT value FROM json_each($ids))
