-- The form a chart was entered with (NULL for charts sent as JSON or CSV), and the pharmacist's review of each
-- finding: the coded reason and comment of an override, who decided (or added the finding) and when.

ALTER TABLE chart_sample ADD COLUMN form_id TEXT;
ALTER TABLE chart_sample ADD COLUMN form_version INTEGER;

ALTER TABLE finding ADD COLUMN review_reason TEXT;
ALTER TABLE finding ADD COLUMN review_comment TEXT;
ALTER TABLE finding ADD COLUMN reviewed_by TEXT;
ALTER TABLE finding ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;

-- The list of audits reads samples newest first.
CREATE INDEX chart_sample_created ON chart_sample (created_at);
