MATCH (p:Practitioner)-[:WORKS_FOR]->(a:Agency)
WHERE p.id IN $ids
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner
