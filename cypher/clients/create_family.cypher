MATCH (c:Client {id: $clientId})
CREATE (f:Family {id: $family.id, name: $family.name, area: $family.area})
CREATE (c)-[:MEMBER_OF {relationship: $relationship}]->(f)
RETURN f.id AS id
