-- A version per ward that every change to what its rates are computed from raises, in the same transaction as the
-- change: samples (including corrections and moves between wards), their findings and reviews, their
-- pre-admission medicines, the ward's annotations and the ward itself. The rates cache (measure.SeriesCache) serves
-- a computed series only while the versions of its wards are those it was computed at, so a write from any
-- instance sharing the database is seen at once. Triggers, not application code, keep it: no write path (nor a bulk
-- load straight into the tables) can forget it. A ward without a row is at version 0.

CREATE TABLE ward_data_version (
    ward_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE FUNCTION raise_ward_data_version(changed BIGINT) RETURNS VOID AS $$
    INSERT INTO ward_data_version (ward_id, version) VALUES (changed, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = ward_data_version.version + 1;
$$ LANGUAGE SQL;

-- Rows that carry their ward: chart_sample and annotation (ward_id).
CREATE FUNCTION ward_row_changed() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM raise_ward_data_version(OLD.ward_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM raise_ward_data_version(NEW.ward_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The ward itself (its name, site or whether it is open).
CREATE FUNCTION ward_changed() RETURNS TRIGGER AS $$
BEGIN
    PERFORM raise_ward_data_version(NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Rows of a sample: finding and pre_admission_medicine (sample_id).
CREATE FUNCTION sample_row_changed() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM raise_ward_data_version(ward_id) FROM chart_sample WHERE id = OLD.sample_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM raise_ward_data_version(ward_id) FROM chart_sample WHERE id = NEW.sample_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER chart_sample_changed AFTER INSERT OR UPDATE OR DELETE ON chart_sample
    FOR EACH ROW EXECUTE FUNCTION ward_row_changed();
CREATE TRIGGER annotation_changed AFTER INSERT OR UPDATE OR DELETE ON annotation
    FOR EACH ROW EXECUTE FUNCTION ward_row_changed();
CREATE TRIGGER ward_updated AFTER UPDATE ON ward
    FOR EACH ROW EXECUTE FUNCTION ward_changed();
CREATE TRIGGER finding_changed AFTER INSERT OR UPDATE OR DELETE ON finding
    FOR EACH ROW EXECUTE FUNCTION sample_row_changed();
CREATE TRIGGER pre_admission_medicine_changed AFTER INSERT OR UPDATE OR DELETE ON pre_admission_medicine
    FOR EACH ROW EXECUTE FUNCTION sample_row_changed();
