// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (f:Family)
USING INDEX SEEK f:Family(id)
WHERE f.id > $after
RETURN f {.id, .name, .area} AS family
ORDER BY f.id
LIMIT $limit
