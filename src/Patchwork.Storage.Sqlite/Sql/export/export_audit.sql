-- The order entries were appended in, which is the trail's own order (times may tie or, across group commits, cross).
SELECT au.at, au.subject, au.practitioner_id, au.action, au.client_id, au.family_id, au.reason, au.detail, au.request_id
FROM audit au
ORDER BY au.id
