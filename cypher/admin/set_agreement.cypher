MATCH (a:Agency {id: $id})
SET a.agreementStatus = $status, a.agreementSignedOn = date($signedOn), a.agreementExpiresOn = date($expiresOn)
RETURN a.id AS id
