MATCH (v:Visit {id: $id})
SET v.status = 'Completed', v.completedAt = datetime($completedAt), v.mode = $mode
RETURN v.id AS id
