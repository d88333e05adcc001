MATCH (c:Client {id: $clientId})
MATCH (f:Family {id: $familyId})
CREATE (c)-[:MEMBER_OF {relationship: $relationship}]->(f)
RETURN f.id AS id
