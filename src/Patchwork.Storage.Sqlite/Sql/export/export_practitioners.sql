-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject
FROM practitioner p
ORDER BY p.rowid
