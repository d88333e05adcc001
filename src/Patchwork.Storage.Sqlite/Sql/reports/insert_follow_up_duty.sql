-- When the request was routed to the duty contacts, an entry in each recipient's duty inbox.
INSERT INTO follow_up_duty (agency_id, follow_up_id, requested_at)
SELECT value, $id, $requested_at FROM json_each($agency_ids) WHERE $route = 'Duty'
