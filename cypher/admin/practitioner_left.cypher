// Marks a practitioner as left: every current involvement ends now with the reason, every planned visit is
// cancelled. Returns the clients whose teams they left, in id order, and how many visits were cancelled.
MATCH (p:Practitioner {id: $id})
SET p.status = 'Left'
WITH p
CALL (p) {
  OPTIONAL MATCH (p)-[s:SUPPORTS]->(c:Client)
  WHERE s.endedOn IS NULL
  SET s.endedOn = datetime($now), s.endReason = $reason
  WITH c ORDER BY c.id
  RETURN collect(DISTINCT c.id) AS clientIds
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:BY]-(v:Visit {status: 'Planned'})
  SET v.status = 'Cancelled'
  RETURN count(v) AS cancelled
}
RETURN clientIds, cancelled
