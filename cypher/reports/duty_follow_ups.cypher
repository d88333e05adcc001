// INetworkReports.GetDutyFollowUpRequestsAsync: the requests sent to an agency's duty contacts, newest first.
MATCH (u:FollowUp)-[d:SENT_TO {duty: true}]->(:Agency {id: $agencyId}), (u)-[:ABOUT]->(f:Family)
RETURN f.id AS familyId, u.id AS id, u.requestedAt AS requestedAt, u.reason AS reason, u.route AS route, u.agencyIds AS agencyIds
ORDER BY requestedAt DESC, id DESC
LIMIT $first
