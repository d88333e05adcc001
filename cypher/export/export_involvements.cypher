MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client)
RETURN s {practitionerId: p.id, clientId: c.id, .since, .reason, .restricted, .endedOn, .endReason} AS involvement
ORDER BY c.id, p.id, s.since
SKIP $skip
LIMIT $limit
