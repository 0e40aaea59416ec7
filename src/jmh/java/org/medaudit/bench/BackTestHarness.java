package org.medaudit.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.medaudit.backtest.BackTestRequest;
import org.medaudit.backtest.BackTestStatus;
import org.medaudit.backtest.BackTests;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookService;
import org.medaudit.rules.RuleFinding;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.MedicationOrder;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * Back-testing throughput over a generated history: starts the service's beans on a new SQLite file, stores
 * {@code -Dcharts} synthetic charts (a year of {@link SyntheticCharts}, spread over the wards of the sites file,
 * with the findings the serving rule book raises) with plain batched JDBC, then back-tests the year (2025-01 to 2026-01, as the audit days run into January) with the NSAID
 * eGFR threshold at 50 — twice, as the second run shows the JIT-warm figure — and prints charts per second.
 *
 * <pre>
 * mvn -q -P bench clean package -DskipTests
 * java -Dcharts=100000 -cp target/benchmarks.jar org.medaudit.bench.BackTestHarness
 * </pre>
 */
public final class BackTestHarness {

    private BackTestHarness() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("charts", 100_000);
        int runs = Integer.getInteger("runs", 2);
        Path folder = Files.createTempDirectory("medaudit-back-test-bench");
        String url = "jdbc:sqlite:" + folder.resolve("medaudit.db") + "?journal_mode=WAL&busy_timeout=5000"
                + "&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE&date_class=TEXT";
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url,
                "medaudit.rules-folder", System.getenv().getOrDefault("MEDAUDIT_RULES", "rules")))) {
            RuleBook ruleBook = context.getBean(RuleBookService.class).current();
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            List<String[]> wards = wards(context.getBean(WardDirectory.class));
            long started = System.nanoTime();
            long findings = store(dataSource, ruleBook, wards, count);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Stored %,d charts with %,d findings in %.1f s (%,.0f charts/s), database %s (%,d MB)%n",
                    count, findings, seconds, count / seconds, folder.resolve("medaudit.db"),
                    Files.size(folder.resolve("medaudit.db")) / 1_000_000);
            BackTests backTests = context.getBean(BackTests.class);
            for (int run = 1; run <= runs; run++) {
                BackTestStatus status = backTests.start(new BackTestRequest("2025-01", "2026-01",
                        BackTestRequest.SERVING, Map.of("renal.nsaid.egfr-below", 50.0)));
                while (status.running()) {
                    Thread.sleep(2000);
                    status = backTests.find(status.id()).orElseThrow();
                    System.out.printf("  run %d: %,d of %,d (%d%%), %,.0f charts/s%n", run, status.processed(),
                            status.total(), status.percent(), status.chartsPerSecond());
                }
                double elapsed = (status.finishedAt().toEpochMilli() - status.startedAt().toEpochMilli()) / 1000.0;
                System.out.printf("Back-test run %d: %s, %,d charts in %.1f s = %,.0f charts/s on %d cores; "
                        + "%d rules change, e.g. %s%n", run, status.state(), status.processed(), elapsed,
                        status.processed() / elapsed, Runtime.getRuntime().availableProcessors(),
                        status.result() == null ? 0 : status.result().rules().size(),
                        status.result() == null || status.result().rules().isEmpty() ? "-"
                                : status.result().rules().get(0));
            }
        }
    }

    /** Each ward's code and site code, from the sites file. */
    private static List<String[]> wards(WardDirectory directory) {
        return directory.sites().stream().flatMap((SiteView site) -> site.wards().stream()
                .map((WardView ward) -> new String[] {ward.code(), site.code(),
                        String.valueOf(directory.ward(ward.code()).orElseThrow().id())}))
                .toList();
    }

    /** Inserts the charts, their orders and their findings, 2,000 charts per transaction. */
    private static long store(DataSource dataSource, RuleBook ruleBook, List<String[]> wards, int count)
            throws SQLException {
        SyntheticCharts charts = new SyntheticCharts(SyntheticCharts.DEFAULT_SEED);
        long findings = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement sample = connection.prepareStatement("""
                    INSERT INTO chart_sample (id, ward_id, audit_date, period, sample_type, patient_recorded,
                        age_years, sex, weight_kg, egfr, crcl, conditions_recorded, allergy_status,
                        allergies_recorded, admission_recorded, admitted_at, reconciliation_started_at,
                        reconciliation_completed_at, pre_admission_recorded, omitted_doses_recorded,
                        monitoring_recorded, orders_audited, reconciliation_judged, reconciled_in_time,
                        rule_book_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement condition = connection.prepareStatement(
                         "INSERT INTO sample_condition (sample_id, position, code) VALUES (?, ?, ?)");
                 PreparedStatement allergy = connection.prepareStatement(
                         "INSERT INTO sample_allergy (sample_id, position, substance, reaction) VALUES (?, ?, ?, ?)");
                 PreparedStatement preAdmission = connection.prepareStatement("""
                         INSERT INTO pre_admission_medicine (sample_id, position, drug, dose, unit, route, frequency,
                             on_chart, change_documented) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement order = connection.prepareStatement("""
                         INSERT INTO medication_order (sample_id, position, drug, dose, unit, dose_text, route,
                             frequency, prn, prn_max_per24h, indication, start_date, review_date, signed)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement omitted = connection.prepareStatement(
                         "INSERT INTO omitted_dose (sample_id, position, drug, reason_code) VALUES (?, ?, ?, ?)");
                 PreparedStatement monitoring = connection.prepareStatement("""
                         INSERT INTO monitoring_result (sample_id, position, test, result_date, result)
                         VALUES (?, ?, ?, ?, ?)""");
                 PreparedStatement finding = connection.prepareStatement("""
                         INSERT INTO finding (id, sample_id, position, rule_id, rule_name, category, error_type,
                             severity, source, message, drug, order_index, status, rule_book_version, created_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'flagged', ?, ?)""")) {
                String now = Instant.now().toString();
                for (int n = 0; n < count; n++) {
                    String[] ward = wards.get(n % wards.size());
                    ChartSample generated = charts.next();
                    ChartSample chart = new ChartSample(ward[0], generated.auditDate(), generated.sampleType(),
                            generated.patient(), generated.admission(), generated.preAdmissionMedicines(),
                            generated.orders(), generated.omittedDoses(), generated.monitoring());
                    String id = UUID.randomUUID().toString();
                    var patient = chart.patient();
                    var admission = chart.admission();
                    set(sample, id, Long.parseLong(ward[2]), chart.auditDate().toString(),
                            chart.auditDate().toString().substring(0, 7), chart.sampleType(), patient != null,
                            patient == null ? null : patient.ageYears(), patient == null ? null : patient.sex(),
                            patient == null ? null : patient.weightKg(), patient == null ? null : patient.egfr(),
                            patient == null ? null : patient.crcl(), patient != null && patient.conditions() != null,
                            patient == null ? null : patient.allergyStatus(),
                            patient != null && patient.allergies() != null, admission != null,
                            admission == null ? null : text(admission.admittedAt()),
                            admission == null ? null : text(admission.reconciliationStartedAt()),
                            admission == null ? null : text(admission.reconciliationCompletedAt()),
                            chart.preAdmissionMedicines() != null, chart.omittedDoses() != null,
                            chart.monitoring() != null, chart.orders().size(), false, false, ruleBook.version(), now);
                    sample.addBatch();
                    if (patient != null && patient.conditions() != null) {
                        for (int i = 0; i < patient.conditions().size(); i++) {
                            set(condition, id, i, patient.conditions().get(i));
                            condition.addBatch();
                        }
                    }
                    if (patient != null && patient.allergies() != null) {
                        for (int i = 0; i < patient.allergies().size(); i++) {
                            var a = patient.allergies().get(i);
                            set(allergy, id, i, a.substance(), a.reaction());
                            allergy.addBatch();
                        }
                    }
                    if (chart.preAdmissionMedicines() != null) {
                        for (int i = 0; i < chart.preAdmissionMedicines().size(); i++) {
                            var m = chart.preAdmissionMedicines().get(i);
                            set(preAdmission, id, i, m.drug(), m.dose(), m.unit(), m.route(), m.frequency(),
                                    m.onChart(), m.changeDocumented());
                            preAdmission.addBatch();
                        }
                    }
                    for (int i = 0; i < chart.orders().size(); i++) {
                        MedicationOrder o = chart.orders().get(i);
                        set(order, id, i, o.drug(), o.dose(), o.unit(), o.doseText(), o.route(), o.frequency(), o.prn(),
                                o.prnMaxPer24h(), o.indication(), text(o.startDate()), text(o.reviewDate()),
                                o.signed());
                        order.addBatch();
                    }
                    if (chart.omittedDoses() != null) {
                        for (int i = 0; i < chart.omittedDoses().size(); i++) {
                            var d = chart.omittedDoses().get(i);
                            set(omitted, id, i, d.drug(), d.reasonCode());
                            omitted.addBatch();
                        }
                    }
                    if (chart.monitoring() != null) {
                        for (int i = 0; i < chart.monitoring().size(); i++) {
                            var m = chart.monitoring().get(i);
                            set(monitoring, id, i, m.test(), text(m.date()), m.value());
                            monitoring.addBatch();
                        }
                    }
                    List<RuleFinding> found = ruleBook.evaluate(chart, ward[1]);
                    for (int i = 0; i < found.size(); i++) {
                        RuleFinding f = found.get(i);
                        set(finding, UUID.randomUUID().toString(), id, i, f.ruleId(), f.ruleName(), f.category(),
                                f.errorType(), f.severity(), f.source(), f.message(), f.drug(), f.orderIndex(),
                                ruleBook.version(), now);
                        finding.addBatch();
                    }
                    findings += found.size();
                    if ((n + 1) % 2000 == 0 || n + 1 == count) {
                        for (PreparedStatement statement : List.of(sample, condition, allergy, preAdmission, order,
                                omitted, monitoring, finding)) {
                            statement.executeBatch();
                        }
                        connection.commit();
                    }
                }
            }
        }
        return findings;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
