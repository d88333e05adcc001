// Per family of $area: the latest contact completed before $at, and the first visit planned from $at on as it was
// then (one still planned, or one scheduled between $at and $now that has since been completed or missed). With
// $kind only visits by practitioners of that kind of agency count.
WITH datetime($at) AS at, datetime($now) AS now
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
CALL (f, at) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[:WITH]-(done:Visit {status: 'Completed'})-[:BY]->(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE done.completedAt < at AND ($kind IS NULL OR a.kind = $kind)
  RETURN max(done.completedAt) AS lastContactAt
}
CALL (f, at, now) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[:WITH]-(next:Visit)-[:BY]->(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE next.status IN ['Planned', 'Completed', 'Missed'] AND next.scheduledFor >= at
    AND (next.status = 'Planned' OR next.scheduledFor < now) AND ($kind IS NULL OR a.kind = $kind)
  RETURN min(next.scheduledFor) AS nextVisitAt
}
RETURN f.id AS familyId, lastContactAt, nextVisitAt
ORDER BY familyId
