MATCH (a:Agency)
WHERE a.id IN $ids
RETURN a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
