SELECT f.id, f.name, f.area FROM family f WHERE f.id IN (SELECT value FROM json_each($ids))
