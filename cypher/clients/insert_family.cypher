// A new household; its first member joins it in the same transaction.
CREATE (f:Family {id: $family.id, name: $family.name, area: $family.area})
RETURN f.id AS id
