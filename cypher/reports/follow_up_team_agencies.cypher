// INetworkReports.RequestFollowUpAsync, step 1: the agencies of the family's current team (the request goes to the team).
MATCH (:Family {id: $familyId})<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner)-[:WORKS_FOR]->(a:Agency)
WHERE s.endedOn IS NULL
RETURN DISTINCT a.id AS agencyId
ORDER BY agencyId
