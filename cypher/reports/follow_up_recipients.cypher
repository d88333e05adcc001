// Who a follow-up about the family can go to: the agencies of its current team, those that ever worked with a
// member, and every agency whose kind is in $leadKinds, each in full. The domain chooses among them.
MATCH (f:Family {id: $familyId})
CALL (f) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  WHERE s.endedOn IS NULL
  RETURN collect(DISTINCT a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn}) AS team
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
  RETURN collect(DISTINCT a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn}) AS worked
}
CALL () {
  MATCH (lead:Agency)
  WHERE lead.kind IN $leadKinds
  RETURN collect(lead {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn}) AS leads
}
RETURN team, worked, leads
