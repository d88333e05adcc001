-- Merge mode: a row already there, by id, takes the incoming values; one that is identical is left alone.
-- A changed name reaches the search index through the client_name_after_update trigger.
INSERT INTO client (id, given_name, family_name, date_of_birth, address, postcode, nhs_number, shielded,
                    family_id, family_relationship)
VALUES ($id, $given_name, $family_name, $date_of_birth, $address, $postcode, $nhs_number, $shielded,
        $family_id, $family_relationship)
ON CONFLICT (id) DO UPDATE SET
    given_name = excluded.given_name, family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,
    address = excluded.address, postcode = excluded.postcode, nhs_number = excluded.nhs_number,
    shielded = excluded.shielded, family_id = excluded.family_id, family_relationship = excluded.family_relationship
WHERE (client.given_name, client.family_name, client.date_of_birth, client.address, client.postcode,
       client.nhs_number, client.shielded, client.family_id, client.family_relationship)
   IS NOT (excluded.given_name, excluded.family_name, excluded.date_of_birth, excluded.address, excluded.postcode,
           excluded.nhs_number, excluded.shielded, excluded.family_id, excluded.family_relationship)
