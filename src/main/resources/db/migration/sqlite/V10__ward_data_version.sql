-- A version per ward that every change to what its rates are computed from raises, in the same transaction as the
-- change: samples (including corrections and moves between wards), their findings and reviews, their
-- pre-admission medicines, the ward's annotations and the ward itself. The rates cache (measure.SeriesCache) serves
-- a computed series only while the versions of its wards are those it was computed at, so a write from any
-- instance sharing the database is seen at once. Triggers, not application code, keep it: no write path (nor a bulk
-- load straight into the tables) can forget it. A ward without a row is at version 0.

CREATE TABLE ward_data_version (
    ward_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TRIGGER chart_sample_inserted AFTER INSERT ON chart_sample BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (NEW.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER chart_sample_updated AFTER UPDATE ON chart_sample BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (OLD.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
    INSERT INTO ward_data_version (ward_id, version) VALUES (NEW.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER chart_sample_deleted AFTER DELETE ON chart_sample BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (OLD.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER finding_inserted AFTER INSERT ON finding BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id = NEW.sample_id
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER finding_updated AFTER UPDATE ON finding BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id IN (OLD.sample_id, NEW.sample_id)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER finding_deleted AFTER DELETE ON finding BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id = OLD.sample_id
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER pre_admission_medicine_inserted AFTER INSERT ON pre_admission_medicine BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id = NEW.sample_id
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER pre_admission_medicine_updated AFTER UPDATE ON pre_admission_medicine BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id IN (OLD.sample_id, NEW.sample_id)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER pre_admission_medicine_deleted AFTER DELETE ON pre_admission_medicine BEGIN
    INSERT INTO ward_data_version (ward_id, version)
        SELECT ward_id, 1 FROM chart_sample WHERE id = OLD.sample_id
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER annotation_inserted AFTER INSERT ON annotation BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (NEW.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER annotation_updated AFTER UPDATE ON annotation BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (OLD.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
    INSERT INTO ward_data_version (ward_id, version) VALUES (NEW.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER annotation_deleted AFTER DELETE ON annotation BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (OLD.ward_id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ward_updated AFTER UPDATE ON ward BEGIN
    INSERT INTO ward_data_version (ward_id, version) VALUES (NEW.id, 1)
        ON CONFLICT (ward_id) DO UPDATE SET version = version + 1;
END;
