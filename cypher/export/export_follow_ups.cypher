// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (u:FollowUp)-[:ABOUT]->(f:Family)
USING INDEX SEEK u:FollowUp(id)
WHERE u.id > $after
RETURN u {.id, familyId: f.id, .requestedAt, .reason, .route, agencyIds: [(u)-[:SENT_TO]->(a:Agency) | a.id]} AS followUp
ORDER BY u.id
LIMIT $limit
