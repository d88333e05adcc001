// INetworkReports.GetFamilyNetworksAsync (with visits): per family of $area, the latest contact completed before $at and
// the first visit planned from $at on, as it was then (still planned, or scheduled between $at and $now and since
// completed or missed); only visits by practitioners of agencies of $kind when given.
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
OPTIONAL MATCH (done:Visit)-[:WITH]->(:Client)-[:MEMBER_OF]->(f), (done)-[:BY]->(:Practitioner)-[:WORKS_FOR]->(da:Agency)
WHERE done.status = 'Completed' AND done.completedAt < $at AND ($kind IS NULL OR da.kind = $kind)
WITH f, max(done.completedAt) AS lastContactAt
OPTIONAL MATCH (next:Visit)-[:WITH]->(:Client)-[:MEMBER_OF]->(f), (next)-[:BY]->(:Practitioner)-[:WORKS_FOR]->(na:Agency)
WHERE next.status IN ['Planned', 'Completed', 'Missed'] AND next.scheduledFor >= $at
  AND (next.status = 'Planned' OR next.scheduledFor < $now) AND ($kind IS NULL OR na.kind = $kind)
RETURN f.id AS familyId, lastContactAt, min(next.scheduledFor) AS nextVisitAt
