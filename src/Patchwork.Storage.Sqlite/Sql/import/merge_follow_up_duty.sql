-- A request never changes once made, so in merge mode a request already there is left as it is.
INSERT INTO follow_up_duty (agency_id, follow_up_id, requested_at)
SELECT value, $id, $requested_at FROM json_each($agency_ids) WHERE $route = 'Duty' ON CONFLICT DO NOTHING
