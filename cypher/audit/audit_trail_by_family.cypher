// A family's slice of the trail, newest first: entries about the family itself (a seek into audit_by_family) and
// about each of its current members (a seek into audit_by_client per member), each entry once.
// The other filters are optional; the time range is half-open and always given (the adapter widens a missing end).
CALL () {
  MATCH (au:AuditEntry)
  USING INDEX SEEK au:AuditEntry(familyId, at)
  WHERE au.familyId = $familyId AND au.at >= datetime($from) AND au.at < datetime($to)
  RETURN au
  UNION
  MATCH (:Family {id: $familyId})<-[:MEMBER_OF]-(m:Client)
  MATCH (au:AuditEntry)
  USING INDEX SEEK au:AuditEntry(clientId, at)
  WHERE au.clientId = m.id AND au.at >= datetime($from) AND au.at < datetime($to)
  RETURN au
}
WITH au
WHERE ($practitionerId IS NULL OR au.practitionerId = $practitionerId)
  AND ($action IS NULL OR au.action = $action)
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.at DESC, au.seq DESC
LIMIT $first
