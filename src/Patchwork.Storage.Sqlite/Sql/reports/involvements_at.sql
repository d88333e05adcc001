-- A restricted involvement counts in no report figure (docs/governance.md): analysts and commissioners are in no
-- team, and a family's agency count that moved when a restricted service got involved would say it had.
SELECT i.client_id, i.practitioner_id
FROM involvement i
WHERE i.since <= $at AND (i.ended_on IS NULL OR i.ended_on > $at) AND i.restricted = 0
