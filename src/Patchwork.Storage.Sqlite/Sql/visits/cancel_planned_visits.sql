UPDATE visit SET status = 'Cancelled'
WHERE practitioner_id = $practitioner AND ($client IS NULL OR client_id = $client) AND status = 'Planned'
