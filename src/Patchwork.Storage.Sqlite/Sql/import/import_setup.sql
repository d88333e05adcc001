-- A large page cache keeps the B-trees being filled in memory for the length of the load
-- (negative = KiB, so 512 MiB); the import's connection is not pooled, so the cache goes away with it.
-- Two sorter threads let CREATE INDEX use both cores of a small server.
PRAGMA cache_size = -524288;
PRAGMA threads = 2;
