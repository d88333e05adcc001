SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, c.shielded,
       c.family_id, c.family_relationship
FROM involvement i
JOIN client c ON c.id = i.client_id
WHERE i.practitioner_id = $practitioner AND i.ended_on IS NULL
ORDER BY c.family_name, c.given_name, c.id
