-- The practitioner and their agency side by side, each under its prefix (practitioner_*, agency_*).
SELECT p.id AS practitioner_id, p.agency_id AS practitioner_agency_id, p.name AS practitioner_name,
       p.role AS practitioner_role, p.email AS practitioner_email, p.mobile AS practitioner_mobile,
       p.landline AS practitioner_landline, p.preferred_contact AS practitioner_preferred_contact,
       p.status AS practitioner_status, p.subject AS practitioner_subject,
       a.id AS agency_id, a.name AS agency_name, a.kind AS agency_kind, a.duty_phone AS agency_duty_phone,
       a.duty_email AS agency_duty_email, a.restricted_service AS agency_restricted_service,
       a.agreement_status AS agency_agreement_status, a.agreement_signed_on AS agency_agreement_signed_on,
       a.agreement_expires_on AS agency_agreement_expires_on
FROM practitioner p
JOIN agency a ON a.id = p.agency_id
WHERE p.id = $id
