// In reach: the practitioner supports the client, or supports someone in the client's family.
MATCH (c:Client)
WHERE c.id IN $ids
  AND (EXISTS { (:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c) WHERE s.endedOn IS NULL }
       OR EXISTS { (c)-[:MEMBER_OF]->(:Family)<-[:MEMBER_OF]-(m:Client)<-[s:SUPPORTS]-(:Practitioner {id: $practitionerId})
                   WHERE s.endedOn IS NULL })
RETURN c.id AS id
