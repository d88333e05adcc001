// The requests addressed to an agency's duty contacts (those routed 'Duty' because the family had no team), newest first.
MATCH (:Agency {id: $agencyId})<-[:SENT_TO]-(u:FollowUp {route: 'Duty'})-[:ABOUT]->(f:Family)
RETURN u {.id, familyId: f.id, .requestedAt, .reason, .route, agencyIds: [(u)-[:SENT_TO]->(a:Agency) | a.id]} AS followUp
ORDER BY u.requestedAt DESC, u.id DESC
LIMIT $first
