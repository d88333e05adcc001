MATCH (p:Practitioner {id: $id})
SET p.email = $email, p.mobile = $mobile, p.landline = $landline, p.preferredContact = $preferredContact
RETURN p.id AS id
