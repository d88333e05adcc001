MATCH (a:Agency)
WHERE a.id > $after
RETURN a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
ORDER BY a.id
LIMIT $limit
