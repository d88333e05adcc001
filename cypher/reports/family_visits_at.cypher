// Per family of $area: the latest contact completed before $at, and the first visit planned from $at on as it was
// then (one still planned, or one scheduled between $at and $now that has since been completed or missed). With
// $kind only visits by practitioners of that kind of agency count. A restricted pair's visits (its practitioner has any
// restricted involvement with its client, ended ones included) never count: a last-contact day that moved with a
// restricted service's visit would disclose it (docs/governance.md).
// Each member's visits are walked once for both figures, and the practitioners whose visits must not count are
// collected once per member instead of being looked up per visit; a visit's practitioner and agency are only read
// when one of them can exclude it (every practitioner works for an agency), as in families_without_contact.
WITH datetime($at) AS at, datetime($now) AS now
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
CALL (f, at, now) {
  MATCH (f)<-[:MEMBER_OF]-(c:Client)
  WITH c, at, now, COLLECT { MATCH (r:Practitioner)-[:SUPPORTS {restricted: true}]->(c) RETURN r } AS hidden
  OPTIONAL MATCH (c)<-[:WITH]-(v:Visit)
  WHERE ((v.status = 'Completed' AND v.completedAt < at)
         OR (v.status IN ['Planned', 'Completed', 'Missed'] AND v.scheduledFor >= at AND (v.status = 'Planned' OR v.scheduledFor < now)))
    AND ((size(hidden) = 0 AND $kind IS NULL)
         OR EXISTS { MATCH (v)-[:BY]->(p:Practitioner)-[:WORKS_FOR]->(a:Agency) WHERE NOT p IN hidden AND ($kind IS NULL OR a.kind = $kind) })
  RETURN max(CASE WHEN v.status = 'Completed' AND v.completedAt < at THEN v.completedAt END) AS lastContactAt,
         min(CASE WHEN v.scheduledFor >= at AND (v.status = 'Planned' OR (v.status IN ['Completed', 'Missed'] AND v.scheduledFor < now))
                  THEN v.scheduledFor END) AS nextVisitAt
}
RETURN f.id AS familyId, lastContactAt, nextVisitAt
ORDER BY familyId
