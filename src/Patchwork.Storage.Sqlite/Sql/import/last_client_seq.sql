SELECT coalesce(max(seq), 0) AS last_seq FROM client
