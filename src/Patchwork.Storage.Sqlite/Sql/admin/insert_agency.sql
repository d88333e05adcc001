INSERT INTO agency (id, name, kind, duty_phone, duty_email, restricted_service,
                    agreement_status, agreement_signed_on, agreement_expires_on)
VALUES ($id, $name, $kind, $duty_phone, $duty_email, $restricted_service,
        $agreement_status, $agreement_signed_on, $agreement_expires_on)
