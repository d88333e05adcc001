-- A commissioner's follow-up request, and, when it was routed to the duty contacts, an entry in each recipient's
-- duty inbox. A request never changes once made, so in merge mode a request already there is left as it is.
INSERT INTO follow_up (id, family_id, requested_at, reason, route, agency_ids)
VALUES ($id, $family_id, $requested_at, $reason, $route, $agency_ids)
