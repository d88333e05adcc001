// INetworkReports.GetFamilyNetworksAsync (without visits): each family of $area (all when null) with its members, the
// members with an involvement active at $at, and the distinct practitioners and agencies of those involvements (only
// agencies of $kind when given); a key worker is an involvement by an agency whose kind is in $leadKinds.
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
OPTIONAL MATCH (m:Client)-[:MEMBER_OF]->(f)
WITH f, count(m) AS members
OPTIONAL MATCH (c:Client)-[:MEMBER_OF]->(f),
               (p:Practitioner)-[s:SUPPORTS]->(c),
               (p)-[:WORKS_FOR]->(a:Agency)
WHERE s.since <= $at AND (s.endedOn IS NULL OR s.endedOn > $at) AND ($kind IS NULL OR a.kind = $kind)
RETURN f.id AS familyId,
       f.area AS area,
       members,
       count(DISTINCT c) AS membersWithInvolvement,
       count(DISTINCT p) AS practitioners,
       count(DISTINCT a) AS agencies,
       coalesce(max(a.kind IN $leadKinds), false) AS hasKeyWorker
