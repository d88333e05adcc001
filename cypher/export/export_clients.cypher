MATCH (c:Client)
WHERE c.id > $after
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(f:Family)
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
ORDER BY c.id
LIMIT $limit
