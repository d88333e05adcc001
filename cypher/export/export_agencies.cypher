// Paged by id: each page a seek into the id index from the last id read (the hint keeps the planner to it).
MATCH (a:Agency)
USING INDEX SEEK a:Agency(id)
WHERE a.id > $after
RETURN a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
ORDER BY a.id
LIMIT $limit
