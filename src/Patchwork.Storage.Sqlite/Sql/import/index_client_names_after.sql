-- The names of every client added after $after, indexed in one statement at the end of an import. Clients are
-- never removed, so every new row has a larger seq than any row that was there before.
INSERT INTO client_name (rowid, given_name, family_name)
SELECT seq, given_name, family_name FROM client WHERE seq > $after
