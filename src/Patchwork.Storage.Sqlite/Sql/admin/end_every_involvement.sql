UPDATE involvement SET ended_on = $now, end_reason = $reason
WHERE practitioner_id = $practitioner AND ended_on IS NULL
RETURNING client_id
