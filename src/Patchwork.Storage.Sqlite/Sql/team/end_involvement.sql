UPDATE involvement SET ended_on = $now, end_reason = $reason
WHERE practitioner_id = $practitioner AND client_id = $client AND ended_on IS NULL
