// Caseloads from the involvements active at $at (begun by $at, not ended by it) of practitioners of agencies of $kind
// (any when null), with clients of $area's families only when an area is given. Three kinds of row: per practitioner,
// per agency (a family two of its practitioners share counts once) and overall (null ids). A client in no family
// counts as a client only. One statement, so the three are figures of the same moment of the graph. A restricted
// involvement counts in none of them: a caseload that moved with it would say a family used a restricted service
// (docs/governance.md).
WITH datetime($at) AS at
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client)
WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted
MATCH (p)-[:WORKS_FOR]->(a:Agency)
WHERE $kind IS NULL OR a.kind = $kind
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH p, a, c, f
WHERE $area IS NULL OR f.area = $area
RETURN p.id AS practitionerId, a.id AS agencyId, count(DISTINCT f) AS families, count(DISTINCT c) AS clients
UNION ALL
WITH datetime($at) AS at
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client)
WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted
MATCH (p)-[:WORKS_FOR]->(a:Agency)
WHERE $kind IS NULL OR a.kind = $kind
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH a, c, f
WHERE $area IS NULL OR f.area = $area
RETURN null AS practitionerId, a.id AS agencyId, count(DISTINCT f) AS families, count(DISTINCT c) AS clients
UNION ALL
WITH datetime($at) AS at
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client)
WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted
MATCH (p)-[:WORKS_FOR]->(a:Agency)
WHERE $kind IS NULL OR a.kind = $kind
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH c, f
WHERE $area IS NULL OR f.area = $area
// Aggregated with no grouping key, so the overall row is there (with zeros) even when nothing matches.
WITH count(DISTINCT f) AS families, count(DISTINCT c) AS clients
RETURN null AS practitionerId, null AS agencyId, families, clients
