// INetworkReports.GetAgencyPairsAsync: per area, pairs of agencies (first id < second id) with an involvement active at $at
// around the same family, and how many families they share; only agencies of $kind when given.
MATCH (f:Family)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
WHERE ($area IS NULL OR f.area = $area)
  AND s.since <= $at AND (s.endedOn IS NULL OR s.endedOn > $at) AND ($kind IS NULL OR a.kind = $kind)
WITH f, collect(DISTINCT a.id) AS agencyIds
UNWIND agencyIds AS firstAgencyId
UNWIND agencyIds AS secondAgencyId
WITH f, firstAgencyId, secondAgencyId
WHERE firstAgencyId < secondAgencyId
RETURN f.area AS area, firstAgencyId, secondAgencyId, count(f) AS families
ORDER BY area, firstAgencyId, secondAgencyId
