MATCH (p:Practitioner {id: $id})
SET p.status = 'Left'
RETURN p.id AS id
