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
       p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject,
       a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
       a.agreement_signed_on, a.agreement_expires_on
FROM change ch
JOIN practitioner p ON p.id = ch.practitioner_id
JOIN agency a ON a.id = p.agency_id
ORDER BY ch.client_id, ch.at DESC, ch.kind = 'Left' DESC, ch.practitioner_id
