MATCH (a:Agency {id: $practitioner.agencyId})
CREATE (p:Practitioner {id: $practitioner.id, name: $practitioner.name, role: $practitioner.role,
                        email: $practitioner.email, mobile: $practitioner.mobile, landline: $practitioner.landline,
                        preferredContact: $practitioner.preferredContact, status: $practitioner.status,
                        subject: $practitioner.subject})
CREATE (p)-[:WORKS_FOR]->(a)
RETURN p.id AS id
