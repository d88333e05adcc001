-- Merge mode (a move run again into a store holding an earlier copy): a row already there, by id, takes the
-- incoming values; one that is identical is left alone, so a repeated move writes nothing it need not.
INSERT INTO agency (id, name, kind, duty_phone, duty_email, restricted_service,
                    agreement_status, agreement_signed_on, agreement_expires_on)
VALUES ($id, $name, $kind, $duty_phone, $duty_email, $restricted_service,
        $agreement_status, $agreement_signed_on, $agreement_expires_on)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, duty_phone = excluded.duty_phone, duty_email = excluded.duty_email,
    restricted_service = excluded.restricted_service, agreement_status = excluded.agreement_status,
    agreement_signed_on = excluded.agreement_signed_on, agreement_expires_on = excluded.agreement_expires_on
WHERE (agency.name, agency.kind, agency.duty_phone, agency.duty_email, agency.restricted_service,
       agency.agreement_status, agency.agreement_signed_on, agency.agreement_expires_on)
   IS NOT (excluded.name, excluded.kind, excluded.duty_phone, excluded.duty_email, excluded.restricted_service,
           excluded.agreement_status, excluded.agreement_signed_on, excluded.agreement_expires_on)
