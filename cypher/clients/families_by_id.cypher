MATCH (f:Family)
WHERE f.id IN $ids
RETURN f {.id, .name, .area} AS family
