// A visit is restricted when any involvement of its practitioner with its client, current or ended, was.
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
