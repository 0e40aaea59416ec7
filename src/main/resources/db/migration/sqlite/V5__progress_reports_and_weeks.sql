-- Weekly periods: each sample's ISO week (YYYY-Www, from its audit date), stored beside its month so that weekly
-- rates are read through an index like monthly ones. Existing samples are backfilled here; new ones get it from
-- the intake.
ALTER TABLE chart_sample ADD COLUMN week TEXT NOT NULL DEFAULT '';
UPDATE chart_sample SET week = strftime('%G-W%V', audit_date);
CREATE INDEX chart_sample_ward_week ON chart_sample (ward_id, week);

-- The monthly progress report of a ward or of a site (the Safer Patients Initiative's habit): the free text the
-- team writes, one report per ward (or site) and month. The measures are not copied here: the printed report
-- computes them from the stored samples, so a reviewed finding shows in it at once.
CREATE TABLE progress_report (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    ward_id         INTEGER REFERENCES ward (id),
    site_id         INTEGER REFERENCES site (id),
    month           TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    what_we_tried   TEXT    NOT NULL,
    what_we_learned TEXT    NOT NULL,
    what_next       TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CHECK ((ward_id IS NULL) <> (site_id IS NULL))
);
CREATE UNIQUE INDEX progress_report_ward_month ON progress_report (ward_id, month) WHERE ward_id IS NOT NULL;
CREATE UNIQUE INDEX progress_report_site_month ON progress_report (site_id, month) WHERE site_id IS NOT NULL;
