MATCH (f:Family {id: $id})
SET f.revision = coalesce(f.revision, 0) + 1
RETURN f {.id, .name, .area} AS family
