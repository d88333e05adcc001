UPDATE practitioner SET status = 'Left' WHERE id = $id
