MATCH (au:AuditEntry)
WHERE au.seq > $after
RETURN au.seq AS seq, au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.seq
LIMIT $limit
