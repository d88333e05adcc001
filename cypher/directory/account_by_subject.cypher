// A sign-in's practitioner and the agency they act for, in one read: the viewer's standing needs both.
MATCH (p:Practitioner {subject: $subject})-[:WORKS_FOR]->(a:Agency)
RETURN p {.id, agencyId: a.id, .name, .role, .email, .mobile, .landline, .preferredContact, .status, .subject} AS practitioner,
       a {.id, .name, .kind, .dutyPhone, .dutyEmail, .restrictedService, .agreementStatus, .agreementSignedOn, .agreementExpiresOn} AS agency
