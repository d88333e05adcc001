-- The network graph as tables: one per node, the SUPPORTS relationship as `involvement`, the other
-- relationships as foreign keys. Times are INTEGER unix milliseconds (UTC), dates are 'yyyy-MM-dd' TEXT,
-- enums are their stable names, ids are opaque TEXT. STRICT tables refuse values of the wrong type.

CREATE TABLE agency (
    id                   TEXT    NOT NULL PRIMARY KEY,
    name                 TEXT    NOT NULL,
    kind                 TEXT    NOT NULL CHECK (kind IN ('CountyCouncil', 'DistrictCouncil', 'Health', 'School',
                                                         'Fire', 'Police', 'Housing', 'Voluntary', 'Other')),
    duty_phone           TEXT    NOT NULL,
    duty_email           TEXT    NOT NULL,
    restricted_service   INTEGER NOT NULL CHECK (restricted_service IN (0, 1)),
    agreement_status     TEXT    NOT NULL CHECK (agreement_status IN ('Draft', 'Active', 'Suspended', 'Expired')),
    agreement_signed_on  TEXT,
    agreement_expires_on TEXT
) STRICT;

CREATE TABLE practitioner (
    id                TEXT NOT NULL PRIMARY KEY,
    agency_id         TEXT NOT NULL REFERENCES agency (id),
    name              TEXT NOT NULL,
    role              TEXT NOT NULL,
    email             TEXT,
    mobile            TEXT,
    landline          TEXT,
    preferred_contact TEXT NOT NULL CHECK (preferred_contact IN ('Mobile', 'Landline', 'Email')),
    status            TEXT NOT NULL CHECK (status IN ('Active', 'Left')),
    subject           TEXT NOT NULL
) STRICT;

-- Sign-in resolves the practitioner by the identity provider's subject, which must name one person.
CREATE UNIQUE INDEX practitioner_by_subject ON practitioner (subject);

CREATE TABLE family (
    id   TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    area TEXT NOT NULL
) STRICT;

-- `seq` gives the full-text index a stable integer key: an implicit rowid may change on VACUUM.
-- A client is in at most one family, so MEMBER_OF lives on the client row.
CREATE TABLE client (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
    given_name          TEXT    NOT NULL,
    family_name         TEXT    NOT NULL,
    date_of_birth       TEXT    NOT NULL,
    address             TEXT    NOT NULL,
    postcode            TEXT    NOT NULL,
    nhs_number          TEXT,
    shielded            INTEGER NOT NULL CHECK (shielded IN (0, 1)),
    family_id           TEXT    REFERENCES family (id),
    family_relationship TEXT,
    CHECK (family_relationship IS NULL OR family_id IS NOT NULL)
) STRICT;

CREATE INDEX client_by_family ON client (family_id) WHERE family_id IS NOT NULL;

-- Name search. External content: the names are stored once, in `client`. New clients are indexed by the
-- statement that adds them (in bulk, after an import, which is many times faster than a trigger per row);
-- the triggers below keep the index right if a name ever changes or a client is removed.
CREATE VIRTUAL TABLE client_name USING fts5 (
    given_name,
    family_name,
    content = 'client',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER client_name_after_delete AFTER DELETE ON client BEGIN
    INSERT INTO client_name (client_name, rowid, given_name, family_name)
    VALUES ('delete', old.seq, old.given_name, old.family_name);
END;

CREATE TRIGGER client_name_after_update AFTER UPDATE OF given_name, family_name ON client BEGIN
    INSERT INTO client_name (client_name, rowid, given_name, family_name)
    VALUES ('delete', old.seq, old.given_name, old.family_name);
    INSERT INTO client_name (rowid, given_name, family_name) VALUES (new.seq, new.given_name, new.family_name);
END;

-- SUPPORTS. A practitioner may leave and rejoin a team, so history keeps several rows per pair,
-- but at most one of them is current.
CREATE TABLE involvement (
    practitioner_id TEXT    NOT NULL REFERENCES practitioner (id),
    client_id       TEXT    NOT NULL REFERENCES client (id),
    since           INTEGER NOT NULL,
    reason          TEXT    NOT NULL,
    restricted      INTEGER NOT NULL CHECK (restricted IN (0, 1)),
    ended_on        INTEGER,
    end_reason      TEXT
) STRICT;

-- Also serves "the current clients of a practitioner" (my clients, reach) through its leading column.
CREATE UNIQUE INDEX involvement_current ON involvement (practitioner_id, client_id) WHERE ended_on IS NULL;
-- A client's team.
CREATE INDEX involvement_current_by_client ON involvement (client_id) WHERE ended_on IS NULL;
-- Whether a visit is restricted looks at every involvement of the pair, ended ones included.
CREATE INDEX involvement_by_pair ON involvement (client_id, practitioner_id, restricted);

CREATE TABLE visit (
    id              TEXT    NOT NULL PRIMARY KEY,
    client_id       TEXT    NOT NULL REFERENCES client (id),
    practitioner_id TEXT    NOT NULL REFERENCES practitioner (id),
    mode            TEXT    NOT NULL CHECK (mode IN ('HomeVisit', 'Office', 'Phone', 'Video', 'Email', 'Other')),
    status          TEXT    NOT NULL CHECK (status IN ('Planned', 'Completed', 'Cancelled', 'Missed')),
    scheduled_for   INTEGER,
    completed_at    INTEGER
) STRICT;

-- A team member's last contact and next visit with one client.
CREATE INDEX visit_by_pair ON visit (client_id, practitioner_id, status, completed_at);
-- A client's upcoming visits (and, by prefix, its completed contacts).
CREATE INDEX visit_by_client_schedule ON visit (client_id, status, scheduled_for);

-- The audit trail. No foreign keys: it records denials and views of ids that may not exist, and it must
-- outlive anything it mentions. Action is not CHECKed so new kinds of entry need no table rebuild.
CREATE TABLE audit (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    subject         TEXT    NOT NULL,
    practitioner_id TEXT,
    action          TEXT    NOT NULL,
    client_id       TEXT,
    family_id       TEXT,
    reason          TEXT,
    detail          TEXT,
    request_id      TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_by_client ON audit (client_id, at) WHERE client_id IS NOT NULL;
CREATE INDEX audit_by_practitioner ON audit (practitioner_id, at) WHERE practitioner_id IS NOT NULL;
CREATE INDEX audit_by_time ON audit (at);

-- Append-only, whatever the caller: the database itself refuses to change or remove a line.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
