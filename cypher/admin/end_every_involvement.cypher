// Ends every current involvement of the practitioner now, with the reason; returns the clients whose teams they
// left, in id order.
MATCH (p:Practitioner {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[s:SUPPORTS]->(c:Client)
  WHERE s.endedOn IS NULL
  SET s.endedOn = datetime($now), s.endReason = $reason
  WITH c ORDER BY c.id
  RETURN collect(DISTINCT c.id) AS clientIds
}
RETURN clientIds
