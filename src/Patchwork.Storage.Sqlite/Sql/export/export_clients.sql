-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, c.shielded,
       c.family_id, c.family_relationship
FROM client c
ORDER BY c.seq
