-- Merge mode: a row already there, by id, takes the incoming values; one that is identical is left alone.
INSERT INTO visit (id, client_id, practitioner_id, mode, status, scheduled_for, completed_at)
VALUES ($id, $client_id, $practitioner_id, $mode, $status, $scheduled_for, $completed_at)
ON CONFLICT (id) DO UPDATE SET
    client_id = excluded.client_id, practitioner_id = excluded.practitioner_id, mode = excluded.mode,
    status = excluded.status, scheduled_for = excluded.scheduled_for, completed_at = excluded.completed_at
WHERE (visit.client_id, visit.practitioner_id, visit.mode, visit.status, visit.scheduled_for, visit.completed_at)
   IS NOT (excluded.client_id, excluded.practitioner_id, excluded.mode, excluded.status, excluded.scheduled_for,
           excluded.completed_at)
