-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT v.id, v.client_id, v.practitioner_id, v.mode, v.status, v.scheduled_for, v.completed_at,
       -- Restricted when any involvement of its practitioner with its client, current or ended, was restricted,
       -- so a restricted service's old visits stay hidden after it leaves the team.
       EXISTS (SELECT 1 FROM involvement r
               WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id AND r.restricted = 1) AS restricted
FROM visit v
ORDER BY v.rowid
