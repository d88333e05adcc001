-- An involvement has no id of its own: it is the practitioner, the client and the moment they joined (a
-- practitioner who leaves and rejoins has a new one). Brought up to date first, then added if it is not there.
UPDATE involvement
SET reason = $reason, restricted = $restricted, ended_on = $ended_on, end_reason = $end_reason
WHERE practitioner_id = $practitioner_id AND client_id = $client_id AND since = $since
  AND (reason, restricted, ended_on, end_reason) IS NOT ($reason, $restricted, $ended_on, $end_reason)
