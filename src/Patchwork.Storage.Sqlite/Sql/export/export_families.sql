-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT f.id, f.name, f.area FROM family f ORDER BY f.rowid
