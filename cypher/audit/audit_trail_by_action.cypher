// Every entry of one action, newest first: a seek into audit_by_action (action, at), read backwards and stopped after
// $first entries (ordering by the fixed action too is what lets the planner use the index order).
// The time range is half-open and always given (the adapter widens a missing end).
MATCH (au:AuditEntry)
USING INDEX SEEK au:AuditEntry(action, at)
WHERE au.action = $action AND au.at >= datetime($from) AND au.at < datetime($to)
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.action DESC, au.at DESC, au.seq DESC
LIMIT $first
