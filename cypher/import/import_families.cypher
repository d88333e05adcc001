UNWIND $rows AS row
MERGE (f:Family {id: row.id})
SET f.name = row.name, f.area = row.area
RETURN count(f) AS loaded
