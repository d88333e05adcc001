-- One row per current involvement: the client, the practitioner and their agency in full, and the last
-- completed contact and next planned visit of that practitioner with that client. The first column is the
-- key the caller asked by (here a family id).
SELECT c.family_id, i.since, i.restricted,
       (SELECT max(v.completed_at) FROM visit v
        WHERE v.client_id = i.client_id AND v.practitioner_id = i.practitioner_id AND v.status = 'Completed'),
       (SELECT min(v.scheduled_for) FROM visit v
        WHERE v.client_id = i.client_id AND v.practitioner_id = i.practitioner_id AND v.status = 'Planned'
          AND v.scheduled_for >= $now),
       c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, c.shielded,
       c.family_id, c.family_relationship,
       p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject,
       a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
       a.agreement_signed_on, a.agreement_expires_on
FROM client c
JOIN involvement i ON i.client_id = c.id AND i.ended_on IS NULL
JOIN practitioner p ON p.id = i.practitioner_id
JOIN agency a ON a.id = p.agency_id
WHERE c.family_id IN (SELECT value FROM json_each($ids))
