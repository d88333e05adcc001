// Ends the current involvement; the practitioner's visits still planned with the client will not happen now.
MATCH (p:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c:Client {id: $clientId})
WHERE s.endedOn IS NULL
SET s.endedOn = datetime($now), s.endReason = $reason
WITH DISTINCT p, c
CALL (p, c) {
  OPTIONAL MATCH (p)<-[:BY]-(v:Visit {status: 'Planned'})-[:WITH]->(c)
  SET v.status = 'Cancelled'
  RETURN count(v) AS cancelled
}
RETURN cancelled
