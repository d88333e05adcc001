// The network graph's schema: a uniqueness constraint on every node id (which also indexes it), the lookups the
// store's statements make, and the full-text index behind client search. Every statement is IF NOT EXISTS, so
// applying the file again changes nothing.
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (a:Agency) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT agency_name_key IF NOT EXISTS FOR (a:Agency) REQUIRE a.nameKey IS UNIQUE;
CREATE CONSTRAINT practitioner_id IF NOT EXISTS FOR (p:Practitioner) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT practitioner_subject IF NOT EXISTS FOR (p:Practitioner) REQUIRE p.subject IS UNIQUE;
CREATE CONSTRAINT family_id IF NOT EXISTS FOR (f:Family) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT client_id IF NOT EXISTS FOR (c:Client) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT visit_id IF NOT EXISTS FOR (v:Visit) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (au:AuditEntry) REQUIRE au.seq IS UNIQUE;
CREATE CONSTRAINT schema_version IF NOT EXISTS FOR (s:SchemaVersion) REQUIRE s.version IS UNIQUE;
// A visit's status decides whether it is a next visit or a last contact.
CREATE INDEX visit_status_schedule IF NOT EXISTS FOR (v:Visit) ON (v.status, v.scheduledFor);
// Current involvements: a team is its SUPPORTS relationships without an end.
CREATE INDEX supports_ended IF NOT EXISTS FOR ()-[s:SUPPORTS]-() ON (s.endedOn);
// The audit trail read by client, family, practitioner, action and time.
CREATE INDEX audit_by_client IF NOT EXISTS FOR (au:AuditEntry) ON (au.clientId, au.at);
CREATE INDEX audit_by_family IF NOT EXISTS FOR (au:AuditEntry) ON (au.familyId, au.at);
CREATE INDEX audit_by_practitioner IF NOT EXISTS FOR (au:AuditEntry) ON (au.practitionerId, au.at);
CREATE INDEX audit_by_action IF NOT EXISTS FOR (au:AuditEntry) ON (au.action, au.at);
CREATE INDEX audit_by_time IF NOT EXISTS FOR (au:AuditEntry) ON (au.at);
// Client names, folded to plain lower-case letters so "Zoë" is found by "zoe".
CREATE FULLTEXT INDEX client_names IF NOT EXISTS FOR (c:Client) ON EACH [c.givenName, c.familyName]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
