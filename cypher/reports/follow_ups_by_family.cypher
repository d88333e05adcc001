// The follow-up requests about these families, newest first.
MATCH (u:FollowUp)-[:ABOUT]->(f:Family)
WHERE f.id IN $ids
RETURN u {.id, familyId: f.id, .requestedAt, .reason, .route, agencyIds: [(u)-[:SENT_TO]->(a:Agency) | a.id]} AS followUp
ORDER BY f.id, u.requestedAt DESC, u.id DESC
