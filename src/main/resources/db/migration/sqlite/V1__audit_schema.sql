-- MedAudit schema, SQLite flavour (the PostgreSQL folder holds the same schema with identity columns).
-- Chart samples keep every part of the contract; "not recorded" (NULL, or *_recorded = 0 for a list) stays
-- distinct from "recorded as none" (an empty list).

CREATE TABLE site (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    code    TEXT    NOT NULL UNIQUE,
    name    TEXT    NOT NULL
);

CREATE TABLE ward (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id   INTEGER NOT NULL REFERENCES site (id),
    code      TEXT    NOT NULL UNIQUE,
    name      TEXT    NOT NULL,
    specialty TEXT,
    active    BOOLEAN NOT NULL DEFAULT 1
);

CREATE TABLE rule_book (
    version    TEXT    PRIMARY KEY,
    built_at   TEXT    NOT NULL,
    rule_count INTEGER NOT NULL
);

CREATE TABLE chart_sample (
    id                          TEXT    PRIMARY KEY,
    ward_id                     INTEGER NOT NULL REFERENCES ward (id),
    audit_date                  TEXT    NOT NULL,
    period                      TEXT    NOT NULL,
    sample_type                 TEXT,
    patient_recorded            BOOLEAN NOT NULL,
    age_years                   INTEGER,
    sex                         TEXT,
    weight_kg                   REAL,
    egfr                        REAL,
    crcl                        REAL,
    conditions_recorded         BOOLEAN NOT NULL,
    allergy_status              TEXT,
    allergies_recorded          BOOLEAN NOT NULL,
    admission_recorded          BOOLEAN NOT NULL,
    admitted_at                 TEXT,
    reconciliation_started_at   TEXT,
    reconciliation_completed_at TEXT,
    pre_admission_recorded      BOOLEAN NOT NULL,
    omitted_doses_recorded      BOOLEAN NOT NULL,
    monitoring_recorded         BOOLEAN NOT NULL,
    orders_audited              INTEGER NOT NULL,
    reconciliation_judged       BOOLEAN NOT NULL,
    reconciled_in_time          BOOLEAN NOT NULL,
    rule_book_version           TEXT    NOT NULL REFERENCES rule_book (version),
    idempotency_key             TEXT    UNIQUE,
    request_hash                TEXT,
    created_at                  TEXT    NOT NULL
);
CREATE INDEX chart_sample_ward_period ON chart_sample (ward_id, period);

CREATE TABLE sample_condition (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    code      TEXT    NOT NULL
);
CREATE INDEX sample_condition_sample ON sample_condition (sample_id);

CREATE TABLE sample_allergy (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    substance TEXT    NOT NULL,
    reaction  TEXT
);
CREATE INDEX sample_allergy_sample ON sample_allergy (sample_id);

CREATE TABLE pre_admission_medicine (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id         TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    drug              TEXT    NOT NULL,
    dose              REAL,
    unit              TEXT,
    route             TEXT,
    frequency         TEXT,
    on_chart          BOOLEAN,
    change_documented BOOLEAN
);
CREATE INDEX pre_admission_medicine_sample ON pre_admission_medicine (sample_id);

CREATE TABLE medication_order (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id       TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    drug            TEXT    NOT NULL,
    dose            REAL,
    unit            TEXT,
    dose_text       TEXT,
    route           TEXT,
    frequency       TEXT,
    prn             BOOLEAN,
    prn_max_per24h  REAL,
    indication      TEXT,
    start_date      TEXT,
    review_date     TEXT,
    signed          BOOLEAN
);
CREATE INDEX medication_order_sample ON medication_order (sample_id);

CREATE TABLE omitted_dose (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id   TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    drug        TEXT    NOT NULL,
    reason_code TEXT
);
CREATE INDEX omitted_dose_sample ON omitted_dose (sample_id);

CREATE TABLE monitoring_result (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id   TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    test        TEXT    NOT NULL,
    result_date TEXT,
    result      REAL
);
CREATE INDEX monitoring_result_sample ON monitoring_result (sample_id);

CREATE TABLE finding (
    id                TEXT    PRIMARY KEY,
    sample_id         TEXT    NOT NULL REFERENCES chart_sample (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    rule_id           TEXT,
    rule_name         TEXT,
    category          TEXT    NOT NULL,
    error_type        TEXT    NOT NULL,
    severity          TEXT    NOT NULL,
    source            TEXT,
    message           TEXT    NOT NULL,
    drug              TEXT,
    order_index       INTEGER,
    status            TEXT    NOT NULL,
    rule_book_version TEXT    REFERENCES rule_book (version),
    created_at        TEXT    NOT NULL
);
CREATE INDEX finding_sample ON finding (sample_id);
CREATE INDEX finding_rule ON finding (rule_id);
