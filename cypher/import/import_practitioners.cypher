UNWIND $rows AS row
MATCH (a:Agency {id: row.agencyId})
MERGE (p:Practitioner {id: row.id})
SET p.name = row.name, p.role = row.role, p.email = row.email, p.mobile = row.mobile, p.landline = row.landline,
    p.preferredContact = row.preferredContact, p.status = row.status, p.subject = row.subject
MERGE (p)-[:WORKS_FOR]->(a)
RETURN count(p) AS loaded
