-- Merge mode: a row already there, by id, takes the incoming values; one that is identical is left alone.
INSERT INTO practitioner (id, agency_id, name, role, email, mobile, landline, preferred_contact, status, subject)
VALUES ($id, $agency_id, $name, $role, $email, $mobile, $landline, $preferred_contact, $status, $subject)
ON CONFLICT (id) DO UPDATE SET
    agency_id = excluded.agency_id, name = excluded.name, role = excluded.role, email = excluded.email,
    mobile = excluded.mobile, landline = excluded.landline, preferred_contact = excluded.preferred_contact,
    status = excluded.status, subject = excluded.subject
WHERE (practitioner.agency_id, practitioner.name, practitioner.role, practitioner.email, practitioner.mobile,
       practitioner.landline, practitioner.preferred_contact, practitioner.status, practitioner.subject)
   IS NOT (excluded.agency_id, excluded.name, excluded.role, excluded.email, excluded.mobile,
           excluded.landline, excluded.preferred_contact, excluded.status, excluded.subject)
