SELECT EXISTS (SELECT 1 FROM practitioner p WHERE p.subject = $subject) AS in_use
