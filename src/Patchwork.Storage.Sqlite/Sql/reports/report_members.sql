SELECT c.id, c.family_id FROM client c
