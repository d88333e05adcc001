// Per family of $area: the latest contact completed before $at, and the first visit planned from $at on as it was
// then (one still planned, or one scheduled between $at and $now that has since been completed or missed). With
// $kind only visits by practitioners of that kind of agency count. A restricted pair's visits (its practitioner has any
// restricted involvement with its client, ended ones included) never count: a last-contact day that moved with a
// restricted service's visit would disclose it (docs/governance.md).
WITH datetime($at) AS at, datetime($now) AS now
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
CALL (f, at) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(c:Client)<-[:WITH]-(done:Visit {status: 'Completed'})-[:BY]->(p:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE done.completedAt < at AND ($kind IS NULL OR a.kind = $kind) AND NOT EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }
  RETURN max(done.completedAt) AS lastContactAt
}
CALL (f, at, now) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(c:Client)<-[:WITH]-(next:Visit)-[:BY]->(p:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE next.status IN ['Planned', 'Completed', 'Missed'] AND next.scheduledFor >= at
    AND (next.status = 'Planned' OR next.scheduledFor < now) AND ($kind IS NULL OR a.kind = $kind)
    AND NOT EXISTS { (p)-[:SUPPORTS {restricted: true}]->(c) }
  RETURN min(next.scheduledFor) AS nextVisitAt
}
RETURN f.id AS familyId, lastContactAt, nextVisitAt
ORDER BY familyId
