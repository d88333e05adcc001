// INetworkReports.GetCaseloadsAsync, per practitioner: involvements active at $at (agencies of $kind when given), the
// distinct families (clients in no family count as clients only) and clients. With $area, only clients of its families.
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client), (p)-[:WORKS_FOR]->(a:Agency)
WHERE s.since <= $at AND (s.endedOn IS NULL OR s.endedOn > $at) AND ($kind IS NULL OR a.kind = $kind)
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH p, a, c, f
WHERE $area IS NULL OR f.area = $area
RETURN p.id AS practitionerId, a.id AS agencyId, count(DISTINCT f) AS families, count(DISTINCT c) AS clients
ORDER BY practitionerId
