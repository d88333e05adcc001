// Each family of $area (every family when null) as its network was at $at: its members, the members with an
// involvement active then (begun by $at, not ended by it), and the distinct practitioners and agencies of those
// involvements. With $kind only that kind of agency's involvements count. A key worker is an involvement with an
// agency whose kind is in $leadKinds. A restricted involvement counts in no figure: analysts are in no team, and an
// agency count that moved when a restricted service got involved would say it had (docs/governance.md).
// A family registered at or after $at (its CREATE_FAMILY audit entry) was not there then, and is left out: counted
// before it existed, it would move a past month end's figures on the day it was registered.
WITH datetime($at) AS at
CALL (at) {
  MATCH (au:AuditEntry)
  USING INDEX SEEK au:AuditEntry(action, at)
  WHERE au.action = 'CreateFamily' AND au.at >= at
  RETURN collect(au.familyId) AS registeredSince
}
MATCH (f:Family)
WHERE ($area IS NULL OR f.area = $area) AND NOT f.id IN registeredSince
CALL (f) {
  OPTIONAL MATCH (m:Client)-[:MEMBER_OF]->(f)
  RETURN count(m) AS members
}
CALL (f, at) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(c:Client)<-[s:SUPPORTS]-(p:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE s.since <= at AND (s.endedOn IS NULL OR s.endedOn > at) AND NOT s.restricted AND ($kind IS NULL OR a.kind = $kind)
  RETURN count(DISTINCT c) AS membersWithInvolvement, count(DISTINCT p) AS practitioners, count(DISTINCT a) AS agencies,
         count(CASE WHEN a.kind IN $leadKinds THEN a END) > 0 AS hasKeyWorker
}
RETURN f.id AS familyId, f.area AS area, members, membersWithInvolvement, practitioners, agencies, hasKeyWorker
ORDER BY familyId
