// One row per current involvement, keyed by the client asked for, with the client, the last completed contact and the next
// planned visit of that practitioner with that client. The adapter merges rows per practitioner.
UNWIND $ids AS key
MATCH (p:Practitioner)-[s:SUPPORTS]->(c:Client {id: key})
WHERE s.endedOn IS NULL
MATCH (p)-[:WORKS_FOR]->(a:Agency)
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(f:Family)
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
