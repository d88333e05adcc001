// INetworkReports.GetCaseloadsAsync, per agency: distinct families and clients its practitioners' involvements active at
// $at reach (a family two of its practitioners share counts once); agencies of $kind when given, clients of $area's families.
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client), (p)-[:WORKS_FOR]->(a:Agency)
WHERE s.since <= $at AND (s.endedOn IS NULL OR s.endedOn > $at) AND ($kind IS NULL OR a.kind = $kind)
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH a, c, f
WHERE $area IS NULL OR f.area = $area
RETURN a.id AS agencyId, count(DISTINCT f) AS families, count(DISTINCT c) AS clients
ORDER BY agencyId
