-- One statement per leading filter, so each is answered from its own index; the adapter picks the first filter
-- given, in the order client, family, practitioner, action, and this statement applies the rest, so all of them
-- combine. About a family: about the family itself, or about any of its current members. The time range is
-- half-open: from <= at < to.
SELECT au.at, au.subject, au.practitioner_id, au.action, au.client_id, au.family_id, au.reason, au.detail, au.request_id
FROM audit au
WHERE au.practitioner_id = $practitioner
  AND ($family IS NULL OR (au.family_id = $family OR au.client_id IN (SELECT m.id FROM client m WHERE m.family_id = $family)))
  AND ($practitioner IS NULL OR au.practitioner_id = $practitioner)
  AND ($action IS NULL OR au.action = $action)
  AND ($from IS NULL OR au.at >= $from) AND ($to IS NULL OR au.at < $to)
ORDER BY au.at DESC, au.id DESC
LIMIT $first
