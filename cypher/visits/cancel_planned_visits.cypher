// The practitioner's planned visits with the client, or with anyone when $clientId is null, will not happen now.
MATCH (p:Practitioner {id: $practitionerId})
CALL (p) {
  OPTIONAL MATCH (p)<-[:BY]-(v:Visit {status: 'Planned'})-[:WITH]->(c:Client)
  WHERE $clientId IS NULL OR c.id = $clientId
  SET v.status = 'Cancelled'
  RETURN count(v) AS cancelled
}
RETURN cancelled
