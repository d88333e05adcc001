// The order inside CALL only picks the first $perClient; the outer ORDER BY is what the rows come back in.
UNWIND $ids AS clientId
CALL (clientId) {
  MATCH (p:Practitioner)<-[:BY]-(v:Visit {status: 'Completed'})-[:WITH]->(c:Client {id: clientId})
  RETURN v, p, c
  ORDER BY v.completedAt DESC, v.id DESC
  LIMIT $perClient
}
RETURN v {.id, clientId: c.id, practitionerId: p.id, .mode, .status, .scheduledFor, .completedAt,
          restricted: EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }} AS visit
ORDER BY clientId, v.completedAt DESC, v.id DESC
