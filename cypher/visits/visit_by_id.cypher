MATCH (p:Practitioner)<-[:BY]-(v:Visit {id: $id})-[:WITH]->(c:Client)
RETURN v {.id, clientId: c.id, practitionerId: p.id, .mode, .status, .scheduledFor, .completedAt,
          restricted: EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }} AS visit
