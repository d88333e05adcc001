INSERT INTO client (id, given_name, family_name, date_of_birth, address, postcode, nhs_number, shielded,
                    family_id, family_relationship)
VALUES ($id, $given_name, $family_name, $date_of_birth, $address, $postcode, $nhs_number, $shielded,
        $family_id, $family_relationship)
