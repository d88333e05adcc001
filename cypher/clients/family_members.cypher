// A household reads oldest first: parents before children.
MATCH (c:Client)-[m:MEMBER_OF]->(f:Family)
WHERE f.id IN $ids
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
ORDER BY f.id, c.dateOfBirth, c.id
