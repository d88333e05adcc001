SELECT u.id, u.family_id, u.requested_at, u.reason, u.route, u.agency_ids
FROM follow_up_duty d
JOIN follow_up u ON u.id = d.follow_up_id
WHERE d.agency_id = $agency
ORDER BY d.requested_at DESC, u.id DESC
LIMIT $first
