// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (p:Practitioner)<-[:BY]-(v:Visit)-[:WITH]->(c:Client)
USING INDEX SEEK v:Visit(id)
WHERE v.id > $after
RETURN v {.id, clientId: c.id, practitionerId: p.id, .mode, .status, .scheduledFor, .completedAt,
          restricted: EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }} AS visit
ORDER BY v.id
LIMIT $limit
