// INetworkReports.RequestFollowUpAsync, step 3: records the request about the family, sent to $agencyIds by $route
// ('Team' or 'Duty'). Who asked is not stored here: the adapter appends the audit entry in the same transaction.
MATCH (f:Family {id: $familyId})
CREATE (u:FollowUp {id: $id, requestedAt: $requestedAt, reason: $reason, route: $route, agencyIds: $agencyIds})-[:ABOUT]->(f)
WITH u
UNWIND $agencyIds AS agencyId
MATCH (a:Agency {id: agencyId})
CREATE (u)-[:SENT_TO {duty: $route = 'Duty', requestedAt: $requestedAt}]->(a)
RETURN count(*) AS agencies
