-- The triggers that keep each client's running figures (latest contact, current involvements, latest planned
-- visit) as visits and involvements are written. A streamed import drops them too and works the figures out once
-- at the end: firing one per row costs a county seed five million updates of the client table.
SELECT name, sql FROM sqlite_schema
WHERE type = 'trigger' AND tbl_name IN ('involvement', 'visit')
ORDER BY name
