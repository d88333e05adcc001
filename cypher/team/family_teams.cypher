// One row per current involvement with any member, keyed by the family asked for.
UNWIND $ids AS key
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client)-[m:MEMBER_OF]->(f:Family {id: key})
WHERE s.endedOn IS NULL
MATCH (p)-[:WORKS_FOR]->(a:Agency)
CALL (p, c) {
  OPTIONAL MATCH (p)<-[:BY]-(done:Visit {status: 'Completed'})-[:WITH]->(c)
  RETURN max(done.completedAt) AS lastContactAt
}
CALL (p, c) {
  OPTIONAL MATCH (p)<-[:BY]-(next:Visit {status: 'Planned'})-[:WITH]->(c)
  WHERE next.scheduledFor >= datetime($now)
  RETURN min(next.scheduledFor) AS nextVisitAt
}
RETURN key, s.since AS since, s.restricted AS restricted, lastContactAt, nextVisitAt,
       p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner,
       a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency,
       c {.id, .givenName, .familyName, .dateOfBirth, .address, .postcode, .nhsNumber, .shielded,
          familyId: f.id, familyRelationship: m.relationship} AS client
