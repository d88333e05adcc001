MATCH (:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c:Client)
WHERE s.endedOn IS NULL
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(f:Family)
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
ORDER BY c.familyName, c.givenName, c.id
