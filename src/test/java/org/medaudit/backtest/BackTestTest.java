package org.medaudit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Back-testing over HTTP: a candidate rule book (here the serving one with the NSAID eGFR threshold at 50) is
 * evaluated over the stored charts of a period in the background, with progress, and reports how each ward's rates
 * and which findings would change — while every stored sample, finding and rate stays exactly as it was.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackTestTest implements TestPropertyProvider {

    /** Naproxen with eGFR 47: REN-001 only with the NSAID threshold at 50. */
    private static final String NAPROXEN_EGFR_47 = """
            {"ward": "%s", "auditDate": "2026-10-14", "patient": {"egfr": 47, "allergyStatus": "none-known"},
             "orders": [{"drug": "naproxen", "dose": 250, "unit": "mg", "route": "oral",
                         "frequency": "twice-daily", "signed": true}]}""";
    private static final String NSAID_AT_50 = """
            {"from": "2026-10", "to": "2026-10", "candidate": "serving",
             "thresholds": {"renal.nsaid.egfr-below": 50}}""";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    Http admin;
    final List<String> naproxenAtAmu = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        // Small pages, so that even a few charts go through several pages and workers.
        properties.put("medaudit.back-test.page-size", "2");
        return properties;
    }

    @BeforeAll
    void storeCharts() {
        admin = People.signedIn(server, users, "back-test-admin", List.of(Roles.ADMIN), Scope.NONE);
        for (int i = 0; i < 3; i++) {
            naproxenAtAmu.add((String) store(NAPROXEN_EGFR_47.formatted("AMU")).get("id"));
        }
        store(NAPROXEN_EGFR_47.formatted("NCH-REHAB"));
        store(Charts.designExample());
        store(Charts.designExample().replace("\"AMU\"", "\"W12\""));
    }

    @Test
    @DisplayName("a changed threshold reports the rate changes per ward and the findings that appear, and stores "
            + "nothing")
    void changedThresholdReportsChangesAndStoresNothing() {
        Map<String, List<Map<String, String>>> before = database();
        String ratesBefore = admin.get("/api/v1/wards/AMU/rates?from=2026-10&to=2026-10").body();

        Http.Response started = admin.postJson("/api/v1/admin/back-tests", NSAID_AT_50);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).startsWith("/api/v1/admin/back-tests/");
        assertThat(started.object()).containsEntry("total", 6);
        Map<String, Object> done = awaitDone(started.header("Location"));
        assertThat(done).containsEntry("state", "done").containsEntry("processed", 6).containsEntry("percent", 100);
        assertThat((String) done.get("candidateVersion")).endsWith("+thresholds(renal.nsaid.egfr-below=50.0)");

        Map<String, Object> result = object(done.get("result"));
        Map<String, Object> rule = list(result.get("rules")).stream()
                .filter(r -> r.get("ruleId").equals("REN-001")).findFirst().orElseThrow();
        assertThat(rule).containsEntry("appeared", 4).containsEntry("disappeared", 0);
        assertThat(strings(rule.get("appearedIn"))).hasSize(4).containsAll(naproxenAtAmu);
        assertThat(list(result.get("rules"))).as("nothing else changes").hasSize(1);

        Map<String, Object> amu = ward(result, "AMU");
        assertThat(amu).containsEntry("site", "RGH");
        Map<String, Object> errors = measure(amu, "prescribing-errors-per-100-orders");
        long now = ((Number) errors.get("currentNumerator")).longValue();
        assertThat(errors.get("candidateNumerator")).isEqualTo((int) now + 3);
        assertThat(((Number) errors.get("candidateRate")).doubleValue())
                .isGreaterThan(((Number) errors.get("currentRate")).doubleValue());
        assertThat(measure(ward(result, "ALL"), "prescribing-errors-per-100-orders"))
                .containsEntry("denominator", ((Number) measure(ward(result, "AMU"),
                        "prescribing-errors-per-100-orders").get("denominator")).intValue()
                        + ((Number) measure(ward(result, "NCH-REHAB"), "prescribing-errors-per-100-orders")
                                .get("denominator")).intValue()
                        + ((Number) measure(ward(result, "W12"), "prescribing-errors-per-100-orders")
                                .get("denominator")).intValue());
        assertThat(measure(ward(result, "W12"), "prescribing-errors-per-100-orders")).containsEntry("change", 0.0);

        assertThat(database()).as("every stored sample and finding row is unchanged").isEqualTo(before);
        assertThat(admin.get("/api/v1/wards/AMU/rates?from=2026-10&to=2026-10").body()).isEqualTo(ratesBefore);
    }

    @Test
    @DisplayName("the serving rule book over its own stored charts changes nothing: charts read back as stored")
    void servingRuleBookFindsWhatWasStored() {
        Http.Response started = admin.postJson("/api/v1/admin/back-tests",
                "{\"from\": \"2026-10\", \"to\": \"2026-10\", \"candidate\": \"serving\"}");

        Map<String, Object> done = awaitDone(started.header("Location"));

        assertThat(list(object(done.get("result")).get("rules"))).isEmpty();
        assertThat(list(ward(object(done.get("result")), "ALL").get("measures")))
                .allSatisfy(m -> assertThat(m.get("change")).isIn(0.0, null));
    }

    @Test
    @DisplayName("a malformed request is refused with every invalid field, and nothing starts")
    void malformedRequestIsRefused() {
        Http.Response refused = admin.postJson("/api/v1/admin/back-tests",
                "{\"from\": \"2026-13\", \"candidate\": \"tomorrow\", \"thresholds\": {\"no.such\": 1}}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorPointers()).contains("/from", "/candidate", "/thresholds/no.such");
    }

    @Test
    @DisplayName("the admin page starts a back-test with a button and shows its progress and result")
    void pageStartsAndShows() {
        assertThat(admin.get("/admin/back-tests", Http.BROWSER_ACCEPT).body()).contains("Start back-test");

        Http.Response started = admin.form("/admin/back-tests", Map.of("from", "2026-10", "to", "2026-10",
                "candidate", "serving", "thresholdName", "renal.nsaid.egfr-below", "thresholdValue", "50"));

        assertThat(started.status()).isEqualTo(303);
        String page = started.header("Location");
        assertThat(page).startsWith("/admin/back-tests/");
        awaitDone("/api/v1/admin/back-tests/" + page.substring(page.lastIndexOf('/') + 1));
        assertThat(admin.get(page, Http.BROWSER_ACCEPT).body()).contains("6 of 6 charts", "REN-001",
                "Prescribing errors per 100 medication orders");

        Http.Response refused = admin.form("/admin/back-tests", Map.of("from", "2026-10", "to", "2026-10",
                "candidate", "serving", "thresholdName", "renal.nsaid.egfr-below", "thresholdValue", "fifty"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "Must be a number");
    }

    // ---- helpers ----

    private Map<String, Object> store(String chart) {
        Http.Response response = admin.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.object();
    }

    private Map<String, Object> awaitDone(String location) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Http.Response status = admin.get(location);
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            if (!"running".equals(status.object().get("state")) || System.currentTimeMillis() > deadline) {
                assertThat(status.object()).containsEntry("state", "done");
                return status.object();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every row of the tables a sample writes, as text, in a fixed order. */
    private Map<String, List<Map<String, String>>> database() {
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : List.of("chart_sample", "medication_order", "finding", "rule_book")) {
                List<Map<String, String>> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Map<String, String> row = new HashMap<>();
                        for (int i = 1; i <= columns; i++) {
                            row.put(result.getMetaData().getColumnName(i), result.getString(i));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static Map<String, Object> ward(Map<String, Object> result, String code) {
        return list(result.get("wards")).stream().filter(w -> w.get("ward").equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, Object> measure(Map<String, Object> ward, String id) {
        return list(ward.get("measures")).stream().filter(m -> m.get("measure").equals(id)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
