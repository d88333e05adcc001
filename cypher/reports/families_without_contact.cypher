// Families of $area (a family with no members has nobody to contact and is never listed) as they were at $at: their
// latest contact completed before $at, whether a member had an involvement then, and their latest visit planned now;
// kept when $noContact and the contact is before $since (or there is none), when $noInvolvement and nobody was
// involved, or when $overdue and every planned visit is before $at. With $kind only that kind of agency's contacts,
// involvements and visits count. Restricted involvements and restricted pairs' visits (any restricted involvement of
// the practitioner with the client, ended ones included) never count (docs/governance.md), so a family whose only
// involvement is restricted is listed as having none rather than telling a commissioner it used a restricted service.
// Each member's visits are walked once for both figures, and the practitioners whose visits must not count (those
// with a restricted involvement with the member) are collected once per member instead of being looked up per
// visit; a visit's practitioner and agency are only read when one of them can exclude it (every practitioner works
// for an agency). On the county this read 25 million records where checking per visit read 130 million.
WITH datetime($at) AS at, datetime($since) AS since
MATCH (f:Family)
WHERE ($area IS NULL OR f.area = $area) AND EXISTS { (f)<-[:MEMBER_OF]-(:Client) }
CALL (f, at) {
  MATCH (f)<-[:MEMBER_OF]-(c:Client)
  WITH c, at, COLLECT { MATCH (r:Practitioner)-[:SUPPORTS {restricted: true}]->(c) RETURN r } AS hidden
  OPTIONAL MATCH (c)<-[:WITH]-(v:Visit)
  WHERE v.status IN ['Completed', 'Planned']
    AND ((size(hidden) = 0 AND $kind IS NULL)
         OR EXISTS { MATCH (v)-[:BY]->(p:Practitioner)-[:WORKS_FOR]->(a:Agency) WHERE NOT p IN hidden AND ($kind IS NULL OR a.kind = $kind) })
  RETURN max(CASE WHEN v.status = 'Completed' AND v.completedAt < at THEN v.completedAt END) AS lastContactAt,
         max(CASE WHEN v.status = 'Planned' THEN v.scheduledFor END) AS latestPlannedVisit
}
WITH f, at, since, lastContactAt, latestPlannedVisit,
     EXISTS {
       MATCH (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
       WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted AND ($kind IS NULL OR a.kind = $kind)
     } AS hasActiveInvolvement
WHERE ($noContact AND (lastContactAt IS NULL OR lastContactAt < since))
   OR ($noInvolvement AND NOT hasActiveInvolvement)
   OR ($overdue AND latestPlannedVisit < at)
RETURN f.id AS familyId, f.area AS area, lastContactAt, hasActiveInvolvement, latestPlannedVisit
ORDER BY familyId
