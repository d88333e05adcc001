// The whole trail in a time range, newest first: a seek into audit_by_time, read backwards and stopped after $first
// entries. The range is half-open and always given (the adapter widens a missing end).
MATCH (au:AuditEntry)
USING INDEX SEEK au:AuditEntry(at)
WHERE au.at >= datetime($from) AND au.at < datetime($to)
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.at DESC, au.seq DESC
LIMIT $first
