-- One row per current involvement: the client, the practitioner and their agency in full (under client_*,
-- practitioner_* and agency_*), and the last completed contact and next planned visit of that practitioner with
-- that client. asked_id is the key the caller asked by (here a family id).
SELECT c.family_id AS asked_id,
       i.since, i.restricted,
       (SELECT max(v.completed_at) FROM visit v
        WHERE v.client_id = i.client_id AND v.practitioner_id = i.practitioner_id AND v.status = 'Completed')
           AS last_contact_at,
       (SELECT min(v.scheduled_for) FROM visit v
        WHERE v.client_id = i.client_id AND v.practitioner_id = i.practitioner_id AND v.status = 'Planned'
          AND v.scheduled_for >= $now) AS next_visit_at,
       c.id AS client_id, c.given_name AS client_given_name, c.family_name AS client_family_name,
       c.date_of_birth AS client_date_of_birth, c.address AS client_address, c.postcode AS client_postcode,
       c.nhs_number AS client_nhs_number, c.shielded AS client_shielded, c.family_id AS client_family_id,
       c.family_relationship AS client_family_relationship,
       p.id AS practitioner_id, p.agency_id AS practitioner_agency_id, p.name AS practitioner_name,
       p.role AS practitioner_role, p.email AS practitioner_email, p.mobile AS practitioner_mobile,
       p.landline AS practitioner_landline, p.preferred_contact AS practitioner_preferred_contact,
       p.status AS practitioner_status, p.subject AS practitioner_subject,
       a.id AS agency_id, a.name AS agency_name, a.kind AS agency_kind, a.duty_phone AS agency_duty_phone,
       a.duty_email AS agency_duty_email, a.restricted_service AS agency_restricted_service,
       a.agreement_status AS agency_agreement_status, a.agreement_signed_on AS agency_agreement_signed_on,
       a.agreement_expires_on AS agency_agreement_expires_on
FROM client c
JOIN involvement i ON i.client_id = c.id AND i.ended_on IS NULL
JOIN practitioner p ON p.id = i.practitioner_id
JOIN agency a ON a.id = p.agency_id
WHERE c.family_id IN (SELECT value FROM json_each($ids))
