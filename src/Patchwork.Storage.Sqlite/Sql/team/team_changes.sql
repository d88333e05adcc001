-- Every involvement that began, and every one that ended, at or after $since: each is one change, and an
-- involvement that did both is two (an imported involvement may have ended without a reason). Newest first;
-- a leave at the same moment as a join came after it.
WITH change AS (
    SELECT i.client_id, i.practitioner_id, 'Joined' AS kind, i.since AS at, i.reason, i.restricted
    FROM involvement i
    WHERE i.client_id IN (SELECT value FROM json_each($ids)) AND i.since >= $since
    UNION ALL
    SELECT i.client_id, i.practitioner_id, 'Left', i.ended_on, coalesce(i.end_reason, ''), i.restricted
    FROM involvement i
    WHERE i.client_id IN (SELECT value FROM json_each($ids)) AND i.ended_on >= $since
)
SELECT ch.client_id, ch.kind, ch.at, ch.reason, ch.restricted,
       p.id AS practitioner_id, p.agency_id AS practitioner_agency_id, p.name AS practitioner_name,
       p.role AS practitioner_role, p.email AS practitioner_email, p.mobile AS practitioner_mobile,
       p.landline AS practitioner_landline, p.preferred_contact AS practitioner_preferred_contact,
       p.status AS practitioner_status, p.subject AS practitioner_subject,
       a.id AS agency_id, a.name AS agency_name, a.kind AS agency_kind, a.duty_phone AS agency_duty_phone,
       a.duty_email AS agency_duty_email, a.restricted_service AS agency_restricted_service,
       a.agreement_status AS agency_agreement_status, a.agreement_signed_on AS agency_agreement_signed_on,
       a.agreement_expires_on AS agency_agreement_expires_on
FROM change ch
JOIN practitioner p ON p.id = ch.practitioner_id
JOIN agency a ON a.id = p.agency_id
ORDER BY ch.client_id, ch.at DESC, ch.kind = 'Left' DESC, ch.practitioner_id
