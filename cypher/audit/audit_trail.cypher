// A slice of the trail, newest first. Every filter is optional and they combine; the time range is half-open.
// About a family: about the family itself, or about any of its current members.
MATCH (au:AuditEntry)
WHERE ($clientId IS NULL OR au.clientId = $clientId)
  AND ($familyId IS NULL OR au.familyId = $familyId
       OR au.clientId IN COLLECT { MATCH (m:Client)-[:MEMBER_OF]->(:Family {id: $familyId}) RETURN m.id })
  AND ($practitionerId IS NULL OR au.practitionerId = $practitionerId)
  AND ($action IS NULL OR au.action = $action)
  AND ($from IS NULL OR au.at >= datetime($from))
  AND ($to IS NULL OR au.at < datetime($to))
RETURN au {.at, .subject, .practitionerId, .action, .clientId, .familyId, .reason, .detail, .requestId} AS entry
ORDER BY au.at DESC, au.seq DESC
LIMIT $first
