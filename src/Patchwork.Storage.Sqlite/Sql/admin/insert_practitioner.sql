INSERT INTO practitioner (id, agency_id, name, role, email, mobile, landline, preferred_contact, status, subject)
VALUES ($id, $agency_id, $name, $role, $email, $mobile, $landline, $preferred_contact, $status, $subject)
