MATCH (p:Practitioner)-[:WORKS_FOR]->(a:Agency)
WHERE p.id > $after
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner
ORDER BY p.id
LIMIT $limit
