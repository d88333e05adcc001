-- Merge mode, after merge_involvement_update: the involvement is added if it is not there yet.
INSERT INTO involvement (practitioner_id, client_id, since, reason, restricted, ended_on, end_reason)
SELECT $practitioner_id, $client_id, $since, $reason, $restricted, $ended_on, $end_reason
WHERE NOT EXISTS (SELECT 1 FROM involvement
                  WHERE practitioner_id = $practitioner_id AND client_id = $client_id AND since = $since)
