// What a practitioner did, newest first: a seek into audit_by_practitioner (practitionerId, at), read backwards and
// stopped after $first entries (ordering by the fixed practitionerId too is what lets the planner use the index order).
// The action is optional; the time range is half-open and always given (the adapter widens a missing end).
MATCH (au:AuditEntry)
USING INDEX SEEK au:AuditEntry(practitionerId, at)
WHERE au.practitionerId = $practitionerId AND au.at >= datetime($from) AND au.at < datetime($to)
  AND ($action IS NULL OR au.action = $action)
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.practitionerId DESC, au.at DESC, au.seq DESC
LIMIT $first
