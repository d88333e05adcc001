-- Who the request could go to, each agency in full under the list it is on: the family's current team, every
-- agency that ever worked with a member, and the lead agencies. The domain chooses among them.
SELECT 'Team' AS list, a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
       a.agreement_signed_on, a.agreement_expires_on
FROM client m
JOIN involvement i ON i.client_id = m.id AND i.ended_on IS NULL
JOIN practitioner p ON p.id = i.practitioner_id
JOIN agency a ON a.id = p.agency_id
WHERE m.family_id = $family
UNION SELECT 'Worked' AS list, a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
             a.agreement_signed_on, a.agreement_expires_on
FROM client m
JOIN involvement i ON i.client_id = m.id
JOIN practitioner p ON p.id = i.practitioner_id
JOIN agency a ON a.id = p.agency_id
WHERE m.family_id = $family
UNION SELECT 'Lead' AS list, a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
             a.agreement_signed_on, a.agreement_expires_on
FROM agency a
WHERE a.kind IN (SELECT value FROM json_each($lead_kinds))
