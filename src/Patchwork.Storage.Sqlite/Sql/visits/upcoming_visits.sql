-- Each client's next planned visits, soonest first, at most $per_client of them.
WITH ranked AS (
    SELECT planned.*,
           row_number() OVER (PARTITION BY planned.client_id ORDER BY planned.scheduled_for, planned.id) AS n
    FROM visit planned
    WHERE planned.client_id IN (SELECT value FROM json_each($ids))
      AND planned.status = 'Planned' AND planned.scheduled_for >= $now
)
SELECT v.id, v.client_id, v.practitioner_id, v.mode, v.status, v.scheduled_for, v.completed_at,
       -- Restricted when any involvement of its practitioner with its client, current or ended, was restricted,
       -- so a restricted service's old visits stay hidden after it leaves the team.
       EXISTS (SELECT 1 FROM involvement r
               WHERE r.client_id = v.client_id AND r.practitioner_id = v.practitioner_id AND r.restricted = 1) AS restricted
FROM ranked v
WHERE v.n <= $per_client
ORDER BY v.client_id, v.n
