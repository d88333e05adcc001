-- Restricted work counts in no report figure (docs/governance.md): each client's running figures (migration 0003)
-- leave out restricted involvements and every visit of a restricted pair, a practitioner and client with any
-- restricted involvement, ended ones included, just as a visit is judged restricted wherever it is shown. Reports go
-- to analysts and commissioners, who are in no team: a family's last contact or "has an active involvement" that
-- moved when a domestic-abuse service got involved would tell them the household used it.

-- What the figures are, worked out from scratch: read by the triggers below, by this migration for the data already
-- there, and by a streamed import once it has loaded. The latest first, so each is one index walk that stops at the
-- first visit of an unrestricted pair.
CREATE VIEW client_report_figures AS
SELECT c.id,
    (SELECT v.completed_at FROM visit v WHERE v.client_id = c.id AND v.status = 'Completed'
       AND NOT EXISTS (SELECT 1 FROM involvement r WHERE r.client_id = v.client_id
                       AND r.practitioner_id = v.practitioner_id AND r.restricted = 1)
     ORDER BY v.completed_at DESC LIMIT 1) AS last_contact_at,
    (SELECT count(*) FROM involvement i WHERE i.client_id = c.id AND i.ended_on IS NULL AND i.restricted = 0)
        AS current_involvements,
    (SELECT v.scheduled_for FROM visit v WHERE v.client_id = c.id AND v.status = 'Planned'
       AND NOT EXISTS (SELECT 1 FROM involvement r WHERE r.client_id = v.client_id
                       AND r.practitioner_id = v.practitioner_id AND r.restricted = 1)
     ORDER BY v.scheduled_for DESC LIMIT 1) AS last_planned_for
FROM client c;

DROP TRIGGER client_activity_visit_insert;
DROP TRIGGER client_activity_visit_update;
DROP TRIGGER client_activity_visit_delete;
DROP TRIGGER client_activity_involvement_insert;
DROP TRIGGER client_activity_involvement_update;
DROP TRIGGER client_activity_involvement_delete;

UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
    (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id);

-- A new visit of an unrestricted pair only ever moves a client's figures forward; a restricted pair's moves nothing.
CREATE TRIGGER client_activity_visit_insert AFTER INSERT ON visit
WHEN new.status IN ('Completed', 'Planned') AND NOT EXISTS (
    SELECT 1 FROM involvement r WHERE r.client_id = new.client_id AND r.practitioner_id = new.practitioner_id AND r.restricted = 1)
BEGIN
    UPDATE client SET
        last_contact_at = CASE WHEN new.status = 'Completed' AND new.completed_at IS NOT NULL
            THEN max(coalesce(last_contact_at, new.completed_at), new.completed_at) ELSE last_contact_at END,
        last_planned_for = CASE WHEN new.status = 'Planned' AND new.scheduled_for IS NOT NULL
            THEN max(coalesce(last_planned_for, new.scheduled_for), new.scheduled_for) ELSE last_planned_for END
    WHERE id = new.client_id;
END;

-- Any other change works the figures out again.
CREATE TRIGGER client_activity_visit_update
AFTER UPDATE OF status, completed_at, scheduled_for, client_id, practitioner_id ON visit BEGIN
    UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
        (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
    WHERE id IN (old.client_id, new.client_id);
END;

CREATE TRIGGER client_activity_visit_delete AFTER DELETE ON visit BEGIN
    UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
        (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
    WHERE id = old.client_id;
END;

CREATE TRIGGER client_activity_involvement_insert AFTER INSERT ON involvement
WHEN new.ended_on IS NULL AND new.restricted = 0 BEGIN
    UPDATE client SET current_involvements = current_involvements + 1 WHERE id = new.client_id;
END;

-- A restricted involvement makes its pair restricted, so the pair's visits written before it stop counting.
CREATE TRIGGER client_activity_restricted_involvement_insert AFTER INSERT ON involvement WHEN new.restricted = 1 BEGIN
    UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
        (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
    WHERE id = new.client_id;
END;

CREATE TRIGGER client_activity_involvement_update
AFTER UPDATE OF ended_on, restricted, client_id, practitioner_id ON involvement BEGIN
    UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
        (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
    WHERE id IN (old.client_id, new.client_id);
END;

CREATE TRIGGER client_activity_involvement_delete AFTER DELETE ON involvement BEGIN
    UPDATE client SET (last_contact_at, current_involvements, last_planned_for) =
        (SELECT f.last_contact_at, f.current_involvements, f.last_planned_for FROM client_report_figures f WHERE f.id = client.id)
    WHERE id = old.client_id;
END;
