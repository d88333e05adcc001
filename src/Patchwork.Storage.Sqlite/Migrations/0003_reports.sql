-- Reports for analysts and commissioners, and commissioners' follow-up requests.

-- Each client's latest completed contact, number of current involvements and latest planned visit, kept by the
-- triggers below. Whether a family has been contacted, supported or only has overdue visits is then read for a
-- whole county from one covering index, instead of 200,000 seeks into five million visits.
ALTER TABLE client ADD COLUMN last_contact_at INTEGER;
ALTER TABLE client ADD COLUMN current_involvements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client ADD COLUMN last_planned_for INTEGER;

-- A client's latest contact (and, as it was on a date, the latest before it): one seek.
CREATE INDEX visit_contact_by_client ON visit (client_id, completed_at) WHERE status = 'Completed';

UPDATE client SET
    last_contact_at = (SELECT max(v.completed_at) FROM visit v WHERE v.client_id = client.id AND v.status = 'Completed'),
    current_involvements = (SELECT count(*) FROM involvement i WHERE i.client_id = client.id AND i.ended_on IS NULL),
    last_planned_for = (SELECT max(v.scheduled_for) FROM visit v WHERE v.client_id = client.id AND v.status = 'Planned');

CREATE INDEX client_activity ON client (family_id, last_contact_at, current_involvements, last_planned_for)
    WHERE family_id IS NOT NULL;

-- A new visit only ever moves a client's figures forward; any other change works them out again (two seeks).
CREATE TRIGGER client_activity_visit_insert AFTER INSERT ON visit
WHEN new.status IN ('Completed', 'Planned') BEGIN
    UPDATE client SET
        last_contact_at = CASE WHEN new.status = 'Completed' AND new.completed_at IS NOT NULL
            THEN max(coalesce(last_contact_at, new.completed_at), new.completed_at) ELSE last_contact_at END,
        last_planned_for = CASE WHEN new.status = 'Planned' AND new.scheduled_for IS NOT NULL
            THEN max(coalesce(last_planned_for, new.scheduled_for), new.scheduled_for) ELSE last_planned_for END
    WHERE id = new.client_id;
END;

CREATE TRIGGER client_activity_visit_update AFTER UPDATE OF status, completed_at, scheduled_for, client_id ON visit BEGIN
    UPDATE client SET
        last_contact_at = (SELECT max(v.completed_at) FROM visit v WHERE v.client_id = client.id AND v.status = 'Completed'),
        last_planned_for = (SELECT max(v.scheduled_for) FROM visit v WHERE v.client_id = client.id AND v.status = 'Planned')
    WHERE id IN (old.client_id, new.client_id);
END;

CREATE TRIGGER client_activity_visit_delete AFTER DELETE ON visit BEGIN
    UPDATE client SET
        last_contact_at = (SELECT max(v.completed_at) FROM visit v WHERE v.client_id = client.id AND v.status = 'Completed'),
        last_planned_for = (SELECT max(v.scheduled_for) FROM visit v WHERE v.client_id = client.id AND v.status = 'Planned')
    WHERE id = old.client_id;
END;

CREATE TRIGGER client_activity_involvement_insert AFTER INSERT ON involvement WHEN new.ended_on IS NULL BEGIN
    UPDATE client SET current_involvements = current_involvements + 1 WHERE id = new.client_id;
END;

CREATE TRIGGER client_activity_involvement_update AFTER UPDATE OF ended_on, client_id ON involvement BEGIN
    UPDATE client SET
        current_involvements = (SELECT count(*) FROM involvement i WHERE i.client_id = client.id AND i.ended_on IS NULL)
    WHERE id IN (old.client_id, new.client_id);
END;

CREATE TRIGGER client_activity_involvement_delete AFTER DELETE ON involvement BEGIN
    UPDATE client SET
        current_involvements = (SELECT count(*) FROM involvement i WHERE i.client_id = client.id AND i.ended_on IS NULL)
    WHERE id = old.client_id;
END;

-- A commissioner's request that a family be followed up. Who asked is in the audit trail only. agency_ids is the
-- JSON array of the agencies it went to: the team's, or (route 'Duty') those whose duty contacts are to act.
CREATE TABLE follow_up (
    id           TEXT    NOT NULL PRIMARY KEY,
    family_id    TEXT    NOT NULL REFERENCES family (id),
    requested_at INTEGER NOT NULL,
    reason       TEXT    NOT NULL,
    route        TEXT    NOT NULL CHECK (route IN ('Team', 'Duty')),
    agency_ids   TEXT    NOT NULL
) STRICT;

CREATE INDEX follow_up_by_family ON follow_up (family_id, requested_at);

-- The duty contacts' inbox: requests routed to an agency because the family had no team.
CREATE TABLE follow_up_duty (
    agency_id    TEXT    NOT NULL REFERENCES agency (id),
    follow_up_id TEXT    NOT NULL REFERENCES follow_up (id),
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (agency_id, requested_at, follow_up_id)
) STRICT;
