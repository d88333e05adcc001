// An involvement is known by its practitioner, client and start: history keeps ended ones beside a current one.
UNWIND $rows AS row
MATCH (p:Practitioner {id: row.practitionerId})
MATCH (c:Client {id: row.clientId})
MERGE (p)-[s:SUPPORTS {since: datetime(row.since)}]->(c)
SET s.reason = row.reason, s.restricted = row.restricted, s.endedOn = datetime(row.endedOn), s.endReason = row.endReason
RETURN count(s) AS loaded
