// INetworkReports.RequestFollowUpAsync, step 2 (no team): the agencies that ever worked with a member, or, when none
// ever did, every agency whose kind is in $leadKinds (the county council): their duty contacts act on the request.
MATCH (f:Family {id: $familyId})
OPTIONAL MATCH (f)<-[:MEMBER_OF]-(:Client)<-[:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(past:Agency)
WITH collect(DISTINCT past.id) AS pastIds
OPTIONAL MATCH (lead:Agency)
WHERE size(pastIds) = 0 AND lead.kind IN $leadKinds
WITH pastIds, collect(DISTINCT lead.id) AS leadIds
UNWIND (CASE WHEN size(pastIds) > 0 THEN pastIds ELSE leadIds END) AS agencyId
RETURN agencyId
ORDER BY agencyId
