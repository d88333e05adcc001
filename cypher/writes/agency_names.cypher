MATCH (a:Agency)
RETURN a.name AS name
