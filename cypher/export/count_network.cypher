// A duty inbox holds the requests routed to an agency's duty contacts: the SENT_TO of a request whose route is 'Duty'.
RETURN COUNT { (:Agency) } AS agencies,
       COUNT { (:Practitioner) } AS practitioners,
       COUNT { (:Family) } AS families,
       COUNT { (:Client) } AS clients,
       COUNT { (:Client)-[:MEMBER_OF]->(:Family) } AS memberships,
       COUNT { (:Practitioner)-[:SUPPORTS]->(:Client) } AS involvements,
       COUNT { (:Visit) } AS visits,
       COUNT { (:FollowUp)-[:ABOUT]->(:Family) } AS followUps,
       COUNT { (:FollowUp)-[:SENT_TO]->(:Agency) } AS followUpRecipients,
       COUNT { (:FollowUp {route: 'Duty'})-[:SENT_TO]->(:Agency) } AS dutyInboxEntries,
       COUNT { (:AuditEntry) } AS auditEntries
