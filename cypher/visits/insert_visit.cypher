// A planned visit, or an unplanned contact recorded as completed.
MATCH (p:Practitioner {id: $visit.practitionerId})
MATCH (c:Client {id: $visit.clientId})
CREATE (v:Visit {id: $visit.id, mode: $visit.mode, status: $visit.status,
                 scheduledFor: datetime($visit.scheduledFor), completedAt: datetime($visit.completedAt)})
CREATE (v)-[:BY]->(p)
CREATE (v)-[:WITH]->(c)
RETURN v.id AS id
