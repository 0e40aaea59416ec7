-- Annotations on a ward's charts (clinical-reference.md §4.5): PDSA cycles, changes made, data issues, rebases and
-- notes. measure_id NULL means every measure of the ward; a rebase always names its measure and gives its reason
-- in description. An annotation without an end date marks its start month only.

CREATE TABLE annotation (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ward_id     INTEGER NOT NULL REFERENCES ward (id),
    measure_id  TEXT,
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    description TEXT,
    start_date  TEXT    NOT NULL,
    end_date    TEXT,
    owner       TEXT,
    outcome     TEXT,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX annotation_ward_start ON annotation (ward_id, start_date);
