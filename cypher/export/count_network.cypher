RETURN COUNT { (:Agency) } AS agencies,
       COUNT { (:Practitioner) } AS practitioners,
       COUNT { (:Family) } AS families,
       COUNT { (:Client) } AS clients,
       COUNT { (:Client)-[:MEMBER_OF]->(:Family) } AS memberships,
       COUNT { (:Practitioner)-[:SUPPORTS]->(:Client) } AS involvements,
       COUNT { (:Visit) } AS visits,
       COUNT { (:AuditEntry) } AS auditEntries
