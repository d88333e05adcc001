// Takes the client's write lock for the rest of the transaction (by bumping its revision), so two changes to the
// same client's team or household are checked and made one after the other; returns the client.
MATCH (c:Client {id: $id})
SET c.revision = coalesce(c.revision, 0) + 1
WITH c
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(f:Family)
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
