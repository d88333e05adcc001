// A follow-up request never changes once made: MERGE by id, so loading it again changes nothing. A row whose family
// or any of whose agencies is not in the graph is not counted as loaded, so the load is refused.
UNWIND $rows AS row
MATCH (f:Family {id: row.familyId})
MERGE (u:FollowUp {id: row.id})
SET u.requestedAt = datetime(row.requestedAt), u.reason = row.reason, u.route = row.route
MERGE (u)-[:ABOUT]->(f)
WITH u, row
CALL (u, row) {
  UNWIND row.agencyIds AS agencyId
  MATCH (a:Agency {id: agencyId})
  MERGE (u)-[:SENT_TO]->(a)
  RETURN count(a) AS sentTo
}
RETURN sum(CASE WHEN sentTo = size(row.agencyIds) THEN 1 ELSE 0 END) AS loaded
