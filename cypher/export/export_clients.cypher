// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (c:Client)
USING INDEX SEEK c:Client(id)
WHERE c.id > $after
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(f:Family)
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
ORDER BY c.id
LIMIT $limit
