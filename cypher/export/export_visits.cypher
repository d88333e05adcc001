MATCH (p:Practitioner)<-[:BY]-(v:Visit)-[:WITH]->(c:Client)
WHERE v.id > $after
RETURN v {.id, clientId: c.id, practitionerId: p.id, .mode, .status, .scheduledFor, .completedAt,
          restricted: EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }} AS visit
ORDER BY v.id
LIMIT $limit
