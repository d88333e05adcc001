-- A new client's names go into the search index in the same transaction as the client row.
INSERT INTO client_name (rowid, given_name, family_name)
SELECT seq, given_name, family_name FROM client WHERE id = $id
