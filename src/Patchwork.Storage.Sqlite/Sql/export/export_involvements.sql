-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT i.practitioner_id, i.client_id, i.since, i.reason, i.restricted, i.ended_on, i.end_reason
FROM involvement i
ORDER BY i.rowid
