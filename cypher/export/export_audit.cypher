// The trail oldest first, paged by seq: each page a seek into the audit_entry_seq index from the last seq read.
MATCH (au:AuditEntry)
USING INDEX SEEK au:AuditEntry(seq)
WHERE au.seq > $after
RETURN au.seq AS seq, au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.seq
LIMIT $limit
