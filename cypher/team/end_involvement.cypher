// Ends the current involvement. The caller holds the client's and the practitioner's locks, so "current" cannot
// change under it; still, only a relationship whose endedOn is unset once it is locked is ended, and `ended` says
// whether one was.
OPTIONAL MATCH (:Practitioner {id: $practitionerId})-[s:SUPPORTS]->(:Client {id: $clientId})
WHERE s.endedOn IS NULL
SET s.endReason = s.endReason
WITH s
WHERE s.endedOn IS NULL
SET s.endedOn = datetime($now), s.endReason = $reason
RETURN count(s) AS ended
