SELECT f.id, f.area FROM family f WHERE $area IS NULL OR f.area = $area
