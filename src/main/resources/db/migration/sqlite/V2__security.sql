-- People, their roles and the wards or sites they may read; API tokens for services; the audit trail;
-- and secrets shared by every instance (the session-signing key).

CREATE TABLE app_user (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    username            TEXT    NOT NULL UNIQUE,
    display_name        TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,
    roles               TEXT    NOT NULL,
    active              BOOLEAN NOT NULL,
    failed_attempts     INTEGER NOT NULL DEFAULT 0,
    locked_until        TEXT,
    sessions_valid_from TEXT    NOT NULL,
    created_at          TEXT    NOT NULL
);

CREATE TABLE user_scope (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    code    TEXT    NOT NULL
);
CREATE INDEX user_scope_user ON user_scope (user_id);

CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    prefix       TEXT    NOT NULL,
    access       TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE TABLE token_scope (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    token_id INTEGER NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    code     TEXT    NOT NULL
);
CREATE INDEX token_scope_token ON token_scope (token_id);

CREATE TABLE audit_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at  TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    subject_type TEXT    NOT NULL,
    subject_id   TEXT    NOT NULL,
    before_state TEXT,
    after_state  TEXT
);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);

CREATE TABLE app_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
