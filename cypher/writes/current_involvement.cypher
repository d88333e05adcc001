MATCH (p:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c:Client {id: $clientId})
WHERE s.endedOn IS NULL
RETURN s {practitionerId: p.id, clientId: c.id, .since, .reason, .restricted, .endedOn, .endReason} AS involvement
