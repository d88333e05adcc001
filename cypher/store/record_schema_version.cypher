MERGE (s:SchemaVersion {version: $version})
ON CREATE SET s.name = $name, s.appliedAt = datetime($appliedAt)
