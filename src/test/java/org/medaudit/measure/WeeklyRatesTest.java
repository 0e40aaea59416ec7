package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Rates per ISO week, checked against counts worked out by hand. Ward SAU, August 2026:
 * <ul>
 *   <li>2026-W32: Monday 3 August, methotrexate daily (1 prescribing error) and paracetamol (none); Sunday 9
 *       August, atorvastatin at night (none). 1 error in 3 orders, 2 charts.</li>
 *   <li>2026-W33: nothing audited.</li>
 *   <li>2026-W34: Monday 17 August, ibuprofen with eGFR 30 (1 error) and atorvastatin (none): 1 in 2 orders.</li>
 * </ul>
 * A PDSA cycle runs Wednesday 12 to Tuesday 18 August: weeks 33 and 34.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyRatesTest implements TestPropertyProvider {

    private static final String COMPLETE = "\"route\": \"oral\", \"signed\": true";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void auditSau() {
        http = People.pharmacist(server, users);
        post("""
                {"ward": "SAU", "auditDate": "2026-08-03", "orders": [
                   {"drug": "methotrexate", "dose": 10, "unit": "mg", "frequency": "once-daily", %1$s},
                   {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %1$s}]}"""
                .formatted(COMPLETE));
        post("""
                {"ward": "SAU", "auditDate": "2026-08-09", "orders": [
                   {"drug": "atorvastatin", "dose": 20, "unit": "mg", "frequency": "nocte", %1$s}]}"""
                .formatted(COMPLETE));
        post("""
                {"ward": "SAU", "auditDate": "2026-08-17", "patient": {"egfr": 30}, "orders": [
                   {"drug": "ibuprofen", "dose": 400, "unit": "mg", "frequency": "three-times-daily", %1$s},
                   {"drug": "atorvastatin", "dose": 20, "unit": "mg", "frequency": "nocte", %1$s}]}"""
                .formatted(COMPLETE));
        Http.Response pdsa = http.postJson("/api/v1/wards/SAU/annotations", """
                {"kind": "pdsa", "title": "Pharmacist on the post-take round", "startDate": "2026-08-12",
                 "endDate": "2026-08-18"}""");
        assertThat(pdsa.status()).as(pdsa.body()).isEqualTo(201);
    }

    private void post(String chart) {
        Http.Response response = http.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("errors per 100 orders by ISO week: 33.33 in W32 (Monday and Sunday together), W33 a gap, 50 in W34")
    void prescribingErrorsByWeek() {
        Map<String, Object> rates = rates("period=week&from=2026-W32&to=2026-W34").object();
        assertThat(rates).containsEntry("period", "week").containsEntry("from", "2026-W32")
                .containsEntry("to", "2026-W34");
        List<Map<String, Object>> points = points(rates, "prescribing-errors-per-100-orders");

        assertThat(points).extracting(p -> p.get("period")).containsExactly("2026-W32", "2026-W33", "2026-W34");
        assertThat(points.get(0)).containsEntry("audited", true).containsEntry("chartsAudited", 2)
                .containsEntry("numerator", 1).containsEntry("denominator", 3);
        assertThat((Double) points.get(0).get("value")).isCloseTo(33.33, within(0.005));
        assertThat(points.get(1)).containsEntry("audited", false).containsEntry("chartsAudited", 0)
                .doesNotContainKeys("numerator", "denominator", "value");
        assertThat(points.get(2)).containsEntry("numerator", 1).containsEntry("denominator", 2);
        // u-bar = 2 / 5 = 0.4; W32 upper 0.4 + 3·√(0.4 / 3) = 1.4954, W34 upper 0.4 + 3·√(0.4 / 2) = 1.7416.
        assertThat((Double) points.get(0).get("centre")).isCloseTo(40.0, within(0.005));
        assertThat((Double) points.get(0).get("upper")).isCloseTo(149.54, within(0.005));
        assertThat((Double) points.get(2).get("upper")).isCloseTo(174.16, within(0.005));
    }

    @Test
    @DisplayName("completeness is against the weekly share of 20 charts a month: 20 × 12 / 52 = 4.6, so 5 a week")
    void completenessAgainstTheWeeklyShare() {
        List<Map<String, Object>> points = points(rates("period=week&from=2026-W32&to=2026-W34").object(),
                "charts-with-prescribing-error");

        assertThat(points).extracting(p -> p.get("chartsTarget")).containsOnly(5);
        assertThat(points).extracting(p -> p.get("completeness")).containsExactly(40.0, 0.0, 20.0);
    }

    @Test
    @DisplayName("a weekly series on one or two charts a week says it is too thin to read; the gap is not counted")
    void thinWeeklySeriesSaysSo() {
        Map<String, Object> series = series(rates("period=week&from=2026-W32&to=2026-W34").object(),
                "prescribing-errors-per-100-orders");

        assertThat((String) series.get("sampleNote")).startsWith(
                "Too few charts per week for a meaningful chart: a median of 1.5 charts in an audited week, "
                        + "under the 10 a point needs.");
    }

    @Test
    @DisplayName("an annotation appears on the weeks its dates meet: a cycle from Wednesday of W33 to Tuesday of W34")
    void annotationsOnWeeks() {
        List<Map<String, Object>> points = points(rates("period=week&from=2026-W32&to=2026-W35").object(),
                "prescribing-errors-per-100-orders");

        assertThat(points).extracting(p -> ((List<?>) p.get("annotations")).size()).containsExactly(0, 1, 1, 0);
    }

    @Test
    @DisplayName("months are still the default: August 2026 holds all three charts")
    void monthsByDefault() {
        Map<String, Object> rates = rates("from=2026-08&to=2026-08").object();
        List<Map<String, Object>> points = points(rates, "prescribing-errors-per-100-orders");

        assertThat(rates).containsEntry("period", "month");
        assertThat(points.get(0)).containsEntry("numerator", 2).containsEntry("denominator", 5)
                .containsEntry("chartsAudited", 3);
    }

    @Test
    @DisplayName("every bad parameter is listed in one 422: a week that does not exist, a month for a week, the basis")
    void badParametersAreAllListed() {
        Http.Response weeks = rates("period=week&from=2025-W53&to=2026-08&basis=all");
        assertThat(weeks.status()).isEqualTo(422);
        assertThat(weeks.errorPointers()).containsExactlyInAnyOrder("/query/from", "/query/to", "/query/basis");

        Http.Response period = rates("period=fortnight&basis=all");
        assertThat(period.status()).isEqualTo(422);
        assertThat(period.errorPointers()).containsExactlyInAnyOrder("/query/period", "/query/basis");
    }

    @Test
    @DisplayName("the migration's backfill gives stored samples the week the intake gives them, across a year end")
    void backfillAgreesWithTheIntake() throws Exception {
        post("""
                {"ward": "SAU", "auditDate": "2025-12-29", "orders": [
                   {"drug": "atorvastatin", "dose": 20, "unit": "mg", "frequency": "nocte", %1$s}]}"""
                .formatted(COMPLETE));
        String backfill = Files.readAllLines(
                Path.of("src/main/resources/db/migration/sqlite/V5__progress_reports_and_weeks.sql")).stream()
                .filter(line -> line.startsWith("UPDATE chart_sample SET week")).findFirst().orElseThrow();
        Map<String, String> stored = weeks();

        transactions.executeWrite(status -> {
            jdbc.execute(c -> c.createStatement().executeUpdate("UPDATE chart_sample SET week = ''"));
            return jdbc.execute(c -> c.createStatement().executeUpdate(backfill.replace(";", "")));
        });

        assertThat(weeks()).isEqualTo(stored).containsEntry("2025-12-29", "2026-W01")
                .containsEntry("2026-08-09", "2026-W32").containsEntry("2026-08-17", "2026-W34");
    }

    private Map<String, String> weeks() {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT DISTINCT audit_date, week FROM chart_sample", statement -> {
                    Map<String, String> weeks = new java.util.TreeMap<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            weeks.put(rows.getString(1).substring(0, 10), rows.getString(2));
                        }
                    }
                    return weeks;
                }));
    }

    private Http.Response rates(String query) {
        return http.get("/api/v1/wards/SAU/rates?" + query);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> rates, String measure) {
        return ((List<Map<String, Object>>) rates.get("series")).stream()
                .filter(s -> s.get("measure").equals(measure)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> rates, String measure) {
        return (List<Map<String, Object>>) series(rates, measure).get("points");
    }
}
