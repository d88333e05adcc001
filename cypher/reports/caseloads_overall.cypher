// INetworkReports.GetCaseloadsAsync, overall: distinct families and clients with an involvement active at $at
// (agencies of $kind when given; clients of $area's families when given).
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client), (p)-[:WORKS_FOR]->(a:Agency)
WHERE s.since <= $at AND (s.endedOn IS NULL OR s.endedOn > $at) AND ($kind IS NULL OR a.kind = $kind)
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH c, f
WHERE $area IS NULL OR f.area = $area
RETURN count(DISTINCT f) AS families, count(DISTINCT c) AS clients
