MATCH (a:Agency)
RETURN a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
ORDER BY a.name, a.id
