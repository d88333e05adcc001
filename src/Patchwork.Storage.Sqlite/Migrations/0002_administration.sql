-- Administration, team changes, and the audit trail read by family and by action. Indexes only: no table changes.

-- How a team is told: who joined a client's team since a moment, and who left it.
CREATE INDEX involvement_by_client_since ON involvement (client_id, since);
CREATE INDEX involvement_ended_by_client ON involvement (client_id, ended_on) WHERE ended_on IS NOT NULL;

-- A practitioner who leaves their agency has every visit they still have planned cancelled.
CREATE INDEX visit_planned_by_practitioner ON visit (practitioner_id) WHERE status = 'Planned';

-- Who has looked at a family: entries about the family itself (those about its members use audit_by_client).
CREATE INDEX audit_by_family ON audit (family_id, at) WHERE family_id IS NOT NULL;
-- Every denial, every break-glass view, every agreement change …
CREATE INDEX audit_by_action ON audit (action, at);
