// Ends the current involvement; the practitioner's visits still planned with the client will not happen now.
// The caller holds the client's and the practitioner's locks, so "current" cannot change under it; still, only a
// relationship whose endedOn is unset once it is locked is ended, and no row comes back when none was.
MATCH (p:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c:Client {id: $clientId})
WHERE s.endedOn IS NULL
SET s.endReason = s.endReason
WITH p, c, s
WHERE s.endedOn IS NULL
SET s.endedOn = datetime($now), s.endReason = $reason
WITH DISTINCT p, c
CALL (p, c) {
  OPTIONAL MATCH (p)<-[:BY]-(v:Visit {status: 'Planned'})-[:WITH]->(c)
  SET v.status = 'Cancelled'
  RETURN count(v) AS cancelled
}
RETURN cancelled
