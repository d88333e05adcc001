SELECT p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject
FROM practitioner p
WHERE p.id IN (SELECT value FROM json_each($ids))
