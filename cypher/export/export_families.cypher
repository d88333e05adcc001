MATCH (f:Family)
WHERE f.id > $after
RETURN f {.id, .name, .area} AS family
ORDER BY f.id
LIMIT $limit
