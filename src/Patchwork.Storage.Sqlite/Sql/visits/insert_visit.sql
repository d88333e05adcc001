-- Visit.Restricted is not stored: it is derived from the involvements whenever a visit is read.
INSERT INTO visit (id, client_id, practitioner_id, mode, status, scheduled_for, completed_at)
VALUES ($id, $client_id, $practitioner_id, $mode, $status, $scheduled_for, $completed_at)
