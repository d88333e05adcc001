SELECT u.id, u.family_id, u.requested_at, u.reason, u.route, u.agency_ids
FROM follow_up u
WHERE u.family_id IN (SELECT value FROM json_each($ids))
ORDER BY u.family_id, u.requested_at DESC, u.id DESC
