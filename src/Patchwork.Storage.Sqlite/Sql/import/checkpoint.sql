-- The whole file is in the WAL after a bulk load; copy it into the database and empty the log at once.
PRAGMA wal_checkpoint(TRUNCATE)
