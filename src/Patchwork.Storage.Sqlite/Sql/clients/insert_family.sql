INSERT INTO family (id, name, area) VALUES ($id, $name, $area)
