UPDATE agency SET agreement_status = $status, agreement_signed_on = $signed_on, agreement_expires_on = $expires_on
WHERE id = $id
