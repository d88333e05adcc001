SELECT f.id, f.name, f.area FROM family f WHERE f.id = $id
