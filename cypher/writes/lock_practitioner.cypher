MATCH (p:Practitioner {id: $id})-[:WORKS_FOR]->(a:Agency)
SET p.revision = coalesce(p.revision, 0) + 1
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner,
       a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
