// $query is built by the adapter from the words typed: each a required, escaped prefix term. Shielded clients are
// left out unless the searcher is in their team; matches come back in register order (family name, given name, id).
CALL db.index.fulltext.queryNodes('client_names', $query) YIELD node
WITH node AS c
WHERE ($dateOfBirth IS NULL OR c.dateOfBirth = date($dateOfBirth))
WITH c, EXISTS { (:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(c) WHERE s.endedOn IS NULL } AS inMyTeam
WHERE NOT c.shielded OR inMyTeam
RETURN c {.id, .givenName, .familyName, .dateOfBirth, .postcode, inMyTeam: inMyTeam} AS hit
ORDER BY c.familyName, c.givenName, c.id
LIMIT $first
