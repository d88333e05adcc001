MATCH (s:SchemaVersion)
RETURN s.version AS version
ORDER BY version
