// Per area, each pair of agencies (first id before second) with an involvement active at $at around the same family
// of $area, and how many families they share. With $kind only that kind of agency counts. A restricted involvement
// never counts: a pair with a restricted service would say the family used it (docs/governance.md).
WITH datetime($at) AS at
MATCH (f:Family)
WHERE $area IS NULL OR f.area = $area
CALL (f, at) {
  MATCH (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted AND ($kind IS NULL OR a.kind = $kind)
  RETURN collect(DISTINCT a.id) AS agencyIds
}
UNWIND agencyIds AS firstAgencyId
UNWIND agencyIds AS secondAgencyId
WITH f, firstAgencyId, secondAgencyId
WHERE firstAgencyId < secondAgencyId
RETURN f.area AS area, firstAgencyId, secondAgencyId, count(f) AS families
ORDER BY area, firstAgencyId, secondAgencyId
