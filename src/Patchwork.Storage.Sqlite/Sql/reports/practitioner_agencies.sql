SELECT p.id, p.agency_id, a.kind FROM practitioner p JOIN agency a ON a.id = p.agency_id
