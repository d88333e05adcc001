MATCH (v:Visit {id: $id})
SET v.status = 'Cancelled'
RETURN v.id AS id
