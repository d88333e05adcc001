// A client's slice of the trail, newest first: a seek into audit_by_client (clientId, at), read backwards. Ordering by
// the fixed clientId as well lets the planner take the order from the index and stop after $first entries. Every audit
// statement names its seek (USING INDEX SEEK): left to itself, the planner was seen to scan the whole index instead.
// The other filters are optional; the time range is half-open and always given (the adapter widens a missing end).
// About a family as well: about the family itself, or about any of its current members.
MATCH (au:AuditEntry)
USING INDEX SEEK au:AuditEntry(clientId, at)
WHERE au.clientId = $clientId AND au.at >= datetime($from) AND au.at < datetime($to)
  AND ($familyId IS NULL OR au.familyId = $familyId
       OR au.clientId IN COLLECT { MATCH (m:Client)-[:MEMBER_OF]->(:Family {id: $familyId}) RETURN m.id })
  AND ($practitionerId IS NULL OR au.practitionerId = $practitionerId)
  AND ($action IS NULL OR au.action = $action)
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.clientId DESC, au.at DESC, au.seq DESC
LIMIT $first
