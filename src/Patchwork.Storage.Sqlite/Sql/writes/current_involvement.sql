SELECT i.practitioner_id, i.client_id, i.since, i.reason, i.restricted, i.ended_on, i.end_reason
FROM involvement i
WHERE i.practitioner_id = $practitioner AND i.client_id = $client AND i.ended_on IS NULL
