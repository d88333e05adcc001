-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT u.id, u.family_id, u.requested_at, u.reason, u.route, u.agency_ids
FROM follow_up u
ORDER BY u.rowid
