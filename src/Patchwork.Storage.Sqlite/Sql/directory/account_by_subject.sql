-- The practitioner's row by the unique subject index, then their agency by primary key: one statement.
SELECT p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject,
       a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
       a.agreement_signed_on, a.agreement_expires_on
FROM practitioner p
JOIN agency a ON a.id = p.agency_id
WHERE p.subject = $subject
