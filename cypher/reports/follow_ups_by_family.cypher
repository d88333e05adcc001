// INetworkReports.GetFollowUpRequestsAsync: the follow-up requests about these families, newest first.
MATCH (u:FollowUp)-[:ABOUT]->(f:Family)
WHERE f.id IN $familyIds
RETURN f.id AS familyId, u.id AS id, u.requestedAt AS requestedAt, u.reason AS reason, u.route AS route, u.agencyIds AS agencyIds
ORDER BY familyId, requestedAt DESC, id DESC
