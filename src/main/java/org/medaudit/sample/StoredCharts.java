package org.medaudit.sample;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.medaudit.ward.WardDirectory;

/**
 * Reads stored charts back as contract samples, a page at a time, for work over a whole history (back-testing a
 * candidate rule book): keyset pages by sample id within a range of periods, each page read with one query per
 * table rather than one per sample, so that a national history streams through in bounded memory. Read only.
 */
@Singleton
public class StoredCharts {

    /**
     * One stored chart: its id, ward, the chart as entered and the findings its rules raised when it was stored
     * (pharmacists' own findings, which no rule raised, are left out).
     */
    public record StoredChart(String id, long wardId, ChartSample chart, List<StoredFinding> findings) {
    }

    /** A finding a rule raised on a stored chart, whatever its review since. */
    public record StoredFinding(String ruleId, String category, String severity, String drug, Integer orderIndex) {
    }

    private static final String SAMPLES = """
            SELECT id, ward_id, audit_date, sample_type, patient_recorded, age_years, sex, weight_kg, egfr, crcl,
                   conditions_recorded, allergy_status, allergies_recorded, admission_recorded, admitted_at,
                   reconciliation_started_at, reconciliation_completed_at, pre_admission_recorded,
                   omitted_doses_recorded, monitoring_recorded
            FROM chart_sample WHERE period >= ? AND period <= ? AND id > ? ORDER BY id LIMIT ?""";

    private final DataSource dataSource;
    private final WardDirectory wards;

    StoredCharts(DataSource dataSource, WardDirectory wards) {
        // Plain JDBC outside any transaction needs the pool itself, not Micronaut's contextual wrapper.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.wards = wards;
    }

    /** How many charts are stored with an audit month from {@code from} to {@code to} ({@code YYYY-MM}). */
    public long count(String from, String to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM chart_sample WHERE period >= ? AND period <= ?")) {
            statement.setString(1, from);
            statement.setString(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the stored charts: " + e.getMessage(), e);
        }
    }

    /**
     * The next page of stored charts of the periods, in id order after {@code afterId} ("" for the first page);
     * an empty list when there are no more.
     */
    public List<StoredChart> page(String from, String to, String afterId, int size) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(SAMPLES)) {
                statement.setString(1, from);
                statement.setString(2, to);
                statement.setString(3, afterId);
                statement.setInt(4, size);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString("id"), new Row(result));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> ids = List.copyOf(rows.keySet());
            Parts parts = new Parts(connection, ids);
            List<StoredChart> charts = new ArrayList<>(ids.size());
            for (Row row : rows.values()) {
                charts.add(new StoredChart(row.id, row.wardId, row.chart(wards.ward(row.wardId).code(), parts),
                        parts.findings.getOrDefault(row.id, List.of())));
            }
            return charts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stored charts: " + e.getMessage(), e);
        }
    }

    /** The columns of one chart_sample row that the chart needs. */
    private static final class Row {
        final String id;
        final long wardId;
        final LocalDate auditDate;
        final String sampleType;
        final boolean patientRecorded;
        final Integer ageYears;
        final String sex;
        final Double weightKg;
        final Double egfr;
        final Double crcl;
        final boolean conditionsRecorded;
        final String allergyStatus;
        final boolean allergiesRecorded;
        final boolean admissionRecorded;
        final LocalDateTime admittedAt;
        final LocalDateTime reconciliationStartedAt;
        final LocalDateTime reconciliationCompletedAt;
        final boolean preAdmissionRecorded;
        final boolean omittedDosesRecorded;
        final boolean monitoringRecorded;

        Row(ResultSet r) throws SQLException {
            id = r.getString("id");
            wardId = r.getLong("ward_id");
            auditDate = date(r.getString("audit_date"));
            sampleType = r.getString("sample_type");
            patientRecorded = r.getBoolean("patient_recorded");
            ageYears = r.getObject("age_years") == null ? null : r.getInt("age_years");
            sex = r.getString("sex");
            weightKg = decimal(r, "weight_kg");
            egfr = decimal(r, "egfr");
            crcl = decimal(r, "crcl");
            conditionsRecorded = r.getBoolean("conditions_recorded");
            allergyStatus = r.getString("allergy_status");
            allergiesRecorded = r.getBoolean("allergies_recorded");
            admissionRecorded = r.getBoolean("admission_recorded");
            admittedAt = dateTime(r.getString("admitted_at"));
            reconciliationStartedAt = dateTime(r.getString("reconciliation_started_at"));
            reconciliationCompletedAt = dateTime(r.getString("reconciliation_completed_at"));
            preAdmissionRecorded = r.getBoolean("pre_admission_recorded");
            omittedDosesRecorded = r.getBoolean("omitted_doses_recorded");
            monitoringRecorded = r.getBoolean("monitoring_recorded");
        }

        /** As {@code SampleStore} reads a sample back: a part not recorded is absent, one recorded as none empty. */
        ChartSample chart(String wardCode, Parts parts) {
            Patient patient = patientRecorded ? new Patient(ageYears, sex, weightKg, egfr, crcl,
                    recorded(conditionsRecorded, parts.conditions.get(id)), allergyStatus,
                    recorded(allergiesRecorded, parts.allergies.get(id))) : null;
            Admission admission = admissionRecorded
                    ? new Admission(admittedAt, reconciliationStartedAt, reconciliationCompletedAt) : null;
            return new ChartSample(wardCode, auditDate, sampleType, patient, admission,
                    recorded(preAdmissionRecorded, parts.preAdmissions.get(id)),
                    parts.orders.getOrDefault(id, List.of()),
                    recorded(omittedDosesRecorded, parts.omittedDoses.get(id)),
                    recorded(monitoringRecorded, parts.monitoring.get(id)));
        }
    }

    /** Every part of the charts of one page, by sample id, each list in its stored order. */
    private static final class Parts {
        final Map<String, List<String>> conditions = new HashMap<>();
        final Map<String, List<Allergy>> allergies = new HashMap<>();
        final Map<String, List<PreAdmissionMedicine>> preAdmissions = new HashMap<>();
        final Map<String, List<MedicationOrder>> orders = new HashMap<>();
        final Map<String, List<OmittedDose>> omittedDoses = new HashMap<>();
        final Map<String, List<MonitoringResult>> monitoring = new HashMap<>();
        final Map<String, List<StoredFinding>> findings = new HashMap<>();

        Parts(Connection connection, List<String> ids) throws SQLException {
            read(connection, "SELECT sample_id, code FROM sample_condition", ids, r -> add(conditions, r,
                    r.getString("code")));
            read(connection, "SELECT sample_id, substance, reaction FROM sample_allergy", ids, r -> add(allergies,
                    r, new Allergy(r.getString("substance"), r.getString("reaction"))));
            read(connection, "SELECT sample_id, drug, dose, unit, route, frequency, on_chart, change_documented"
                    + " FROM pre_admission_medicine", ids, r -> add(preAdmissions, r, new PreAdmissionMedicine(
                            r.getString("drug"), decimal(r, "dose"), r.getString("unit"), r.getString("route"),
                            r.getString("frequency"), bool(r, "on_chart"), bool(r, "change_documented"))));
            read(connection, "SELECT sample_id, drug, dose, unit, dose_text, route, frequency, prn, prn_max_per24h,"
                    + " indication, start_date, review_date, signed FROM medication_order", ids, r -> add(orders, r,
                            new MedicationOrder(r.getString("drug"), decimal(r, "dose"), r.getString("unit"),
                                    r.getString("dose_text"), r.getString("route"), r.getString("frequency"),
                                    bool(r, "prn"), decimal(r, "prn_max_per24h"), r.getString("indication"),
                                    date(r.getString("start_date")), date(r.getString("review_date")),
                                    bool(r, "signed"))));
            read(connection, "SELECT sample_id, drug, reason_code FROM omitted_dose", ids, r -> add(omittedDoses, r,
                    new OmittedDose(r.getString("drug"), r.getString("reason_code"))));
            read(connection, "SELECT sample_id, test, result_date, result FROM monitoring_result", ids,
                    r -> add(monitoring, r, new MonitoringResult(r.getString("test"),
                            date(r.getString("result_date")), decimal(r, "result"))));
            read(connection, "SELECT sample_id, rule_id, category, severity, drug, order_index FROM finding", ids,
                    "rule_id IS NOT NULL", r -> add(findings, r, new StoredFinding(r.getString("rule_id"),
                            r.getString("category"), r.getString("severity"), r.getString("drug"),
                            r.getObject("order_index") == null ? null : r.getInt("order_index"))));
        }

        private static void read(Connection connection, String select, List<String> ids, RowReader reader)
                throws SQLException {
            read(connection, select, ids, null, reader);
        }

        private static void read(Connection connection, String select, List<String> ids, String condition,
                RowReader reader) throws SQLException {
            String sql = select + " WHERE sample_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ")" + (condition == null ? "" : " AND " + condition) + " ORDER BY sample_id, position";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    statement.setString(i + 1, ids.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }

        private static <T> void add(Map<String, List<T>> bySample, ResultSet row, T item) throws SQLException {
            bySample.computeIfAbsent(row.getString("sample_id"), id -> new ArrayList<>()).add(item);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> recorded(boolean wasRecorded, List<T> items) {
        return wasRecorded ? (items == null ? List.of() : List.copyOf(items)) : null;
    }

    private static Double decimal(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet r, String column) throws SQLException {
        boolean value = r.getBoolean(column);
        return r.wasNull() ? null : value;
    }

    /** Dates and times come back as ISO text from SQLite ({@code date_class=TEXT}) and from PostgreSQL alike. */
    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    private static LocalDateTime dateTime(String text) {
        return text == null ? null : LocalDateTime.parse(text.strip().replace(' ', 'T'));
    }
}
