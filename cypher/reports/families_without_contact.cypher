// INetworkReports.FindFamiliesWithoutContactAsync: families of $area whose latest completed contact is before $since (or
// none) when $noContact, with no current involvement when $noInvolvement, or whose planned visits are all before $at
// when $overdue. Only contacts, involvements and visits of agencies of $kind count when it is given. A family with no
// members has nobody to contact and is not listed.
MATCH (f:Family)
WHERE ($area IS NULL OR f.area = $area) AND EXISTS { (f)<-[:MEMBER_OF]-(:Client) }
OPTIONAL MATCH (done:Visit)-[:WITH]->(:Client)-[:MEMBER_OF]->(f), (done)-[:BY]->(:Practitioner)-[:WORKS_FOR]->(da:Agency)
WHERE done.status = 'Completed' AND done.completedAt < $at AND ($kind IS NULL OR da.kind = $kind)
WITH f, max(done.completedAt) AS lastContactAt
OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(sa:Agency)
WHERE s.endedOn IS NULL AND ($kind IS NULL OR sa.kind = $kind)
WITH f, lastContactAt, count(s) > 0 AS hasActiveInvolvement
OPTIONAL MATCH (planned:Visit)-[:WITH]->(:Client)-[:MEMBER_OF]->(f), (planned)-[:BY]->(:Practitioner)-[:WORKS_FOR]->(pa:Agency)
WHERE planned.status = 'Planned' AND ($kind IS NULL OR pa.kind = $kind)
WITH f, lastContactAt, hasActiveInvolvement, max(planned.scheduledFor) AS latestPlannedVisit
WHERE ($noContact AND (lastContactAt IS NULL OR lastContactAt < $since))
   OR ($noInvolvement AND NOT hasActiveInvolvement)
   OR ($overdue AND latestPlannedVisit < $at)
RETURN f.id AS familyId, f.area AS area, lastContactAt, hasActiveInvolvement, latestPlannedVisit
