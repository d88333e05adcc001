-- Per-connection settings, so they are applied on every open (a pooled connection keeps them, and setting
-- them again costs microseconds). synchronous=FULL makes an acknowledged commit survive a process kill
-- or power loss in WAL mode; foreign keys are off by default in SQLite.
PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 10000;
