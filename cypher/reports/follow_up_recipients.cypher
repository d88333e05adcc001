// Who a follow-up about the family can go to: the agencies of its current team, those that ever worked with a
// member, and every agency whose kind is in $leadKinds. The adapter picks the first list that is not empty.
MATCH (f:Family {id: $familyId})
CALL (f) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE s.endedOn IS NULL
  RETURN collect(DISTINCT a.id) AS team
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  RETURN collect(DISTINCT a.id) AS worked
}
CALL () {
  MATCH (lead:Agency)
  WHERE lead.kind IN $leadKinds
  RETURN collect(lead.id) AS leads
}
RETURN team, worked, leads
