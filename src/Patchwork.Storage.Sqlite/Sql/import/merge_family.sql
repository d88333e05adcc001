-- Merge mode: a row already there, by id, takes the incoming values; one that is identical is left alone.
INSERT INTO family (id, name, area) VALUES ($id, $name, $area)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area
WHERE (family.name, family.area) IS NOT (excluded.name, excluded.area)
