MATCH (p:Practitioner {subject: $subject})-[:WORKS_FOR]->(a:Agency)
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner
