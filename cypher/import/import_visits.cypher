UNWIND $rows AS row
MATCH (p:Practitioner {id: row.practitionerId})
MATCH (c:Client {id: row.clientId})
MERGE (v:Visit {id: row.id})
SET v.mode = row.mode, v.status = row.status, v.scheduledFor = datetime(row.scheduledFor),
    v.completedAt = datetime(row.completedAt)
MERGE (v)-[:BY]->(p)
MERGE (v)-[:WITH]->(c)
RETURN count(v) AS loaded
