UPDATE practitioner SET email = $email, mobile = $mobile, landline = $landline, preferred_contact = $preferred
WHERE id = $id
