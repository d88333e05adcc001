MATCH (p:Practitioner {id: $practitionerId})
MATCH (c:Client {id: $clientId})
CREATE (p)-[:SUPPORTS {since: datetime($since), reason: $reason, restricted: $restricted}]->(c)
RETURN c.id AS id
