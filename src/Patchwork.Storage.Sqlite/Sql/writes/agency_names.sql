SELECT a.name FROM agency a
