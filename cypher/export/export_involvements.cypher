// Paged by key, not by SKIP: the page after the involvement (client, practitioner, start) that ended the previous one.
// Each page is a seek into the client id index from the last client on, in the index's order, instead of walking every
// involvement before it; and an involvement written between two pages shifts nothing, so none is read twice.
MATCH (c:Client)
USING INDEX SEEK c:Client(id)
WHERE c.id >= $afterClientId
MATCH (p:Practitioner)-[s:SUPPORTS]->(c)
WHERE c.id > $afterClientId OR p.id > $afterPractitionerId
   OR (p.id = $afterPractitionerId AND s.since > datetime($afterSince))
RETURN s {practitionerId: p.id, clientId: c.id, .since, .reason, .restricted, .endedOn, .endReason} AS involvement
ORDER BY c.id, p.id, s.since
LIMIT $limit
