// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (p:Practitioner)-[:WORKS_FOR]->(a:Agency)
USING INDEX SEEK p:Practitioner(id)
WHERE p.id > $after
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner
ORDER BY p.id
LIMIT $limit
