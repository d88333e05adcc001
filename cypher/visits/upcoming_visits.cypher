// A visit is restricted when any involvement of its practitioner with its client, current or ended, was.
// The order inside CALL only picks the first $perClient; the outer ORDER BY is what the rows come back in.
UNWIND $ids AS clientId
CALL (clientId) {
  MATCH (p:Practitioner)<-[:BY]-(v:Visit {status: 'Planned'})-[:WITH]->(c:Client {id: clientId})
  WHERE v.scheduledFor >= datetime($now)
  RETURN v, p, c
  ORDER BY v.scheduledFor, v.id
  LIMIT $perClient
}
RETURN v {.id, clientId: c.id, practitionerId: p.id, .mode, .status, .scheduledFor, .completedAt,
          restricted: EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }} AS visit
ORDER BY clientId, v.scheduledFor, v.id
