MATCH (a:Agency {id: $id})
SET a.revision = coalesce(a.revision, 0) + 1
RETURN a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
