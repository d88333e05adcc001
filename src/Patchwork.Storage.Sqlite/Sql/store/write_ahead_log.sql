-- WAL lets readers run alongside the one writer; the setting is stored in the file.
PRAGMA journal_mode = WAL
