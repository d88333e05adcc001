INSERT INTO involvement (practitioner_id, client_id, since, reason, restricted, ended_on, end_reason)
VALUES ($practitioner_id, $client_id, $since, $reason, $restricted, $ended_on, $end_reason)
