-- The indexes a streamed import drops and builds again at the end: every index of the tables that grow
-- with the network (the implicit ones behind PRIMARY KEY and UNIQUE have no SQL and stay, so ids are still
-- checked row by row). Read from the schema, so an index added by a later migration is handled the same way.
SELECT name, sql FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('client', 'involvement', 'visit')
ORDER BY name
