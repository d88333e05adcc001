// Every involvement that began, and every one that ended, at or after $since: each is one change. Newest first;
// a leave at the same moment as a join came after it.
UNWIND $ids AS clientId
CALL (clientId) {
  MATCH (p:Practitioner)-[s:SUPPORTS]->(:Client {id: clientId})
  WHERE s.since >= datetime($since)
  RETURN p, 'Joined' AS kind, s.since AS at, s.reason AS reason, s.restricted AS restricted
  UNION ALL
  MATCH (p:Practitioner)-[s:SUPPORTS]->(:Client {id: clientId})
  WHERE s.endedOn >= datetime($since)
  RETURN p, 'Left' AS kind, s.endedOn AS at, coalesce(s.endReason, '') AS reason, s.restricted AS restricted
}
MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN clientId, kind, at, reason, restricted,
       p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner,
       a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
ORDER BY clientId, at DESC, kind = 'Left' DESC, p.id
