// In reach: the practitioner supports the client, or supports someone in the client's family.
// Returns the client records themselves, so checking reach and reading the client is one round trip.
MATCH (c:Client)
WHERE c.id IN $ids
  AND (EXISTS { (:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c) WHERE s.endedOn IS NULL }
       OR EXISTS { (c)-[:MEMBER_OF]->(:Family)<-[:MEMBER_OF]-(m:Client)<-[s:SUPPORTS]-(:Practitioner {id: $practitionerId})
                   WHERE s.endedOn IS NULL })
OPTIONAL MATCH (c)-[r:MEMBER_OF]->(f:Family)
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: r.relationship} AS client
