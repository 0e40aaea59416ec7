package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Rates are served from a cache of computed series; these specify that it is never stale. Writes made straight in
 * the database — as another instance sharing it, or a bulk load, would make them — show in the next answer, because
 * the triggers of {@code ward_data_version} raise the ward's version with the write, whoever makes it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesCacheTest implements TestPropertyProvider {

    private static final String RATES = "/api/v1/wards/ICU/rates?from=2026-09&to=2026-10";
    private static final String ERRORS = "prescribing-errors-per-100-orders";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void auditIcu() {
        http = People.pharmacist(server, users);
        Http.Response stored = http.postJson("/api/v1/samples", """
                {"ward": "ICU", "auditDate": "2026-10-05", "patient": {"allergyStatus": "none-known"},
                 "orders": [{"drug": "methotrexate", "dose": 10, "unit": "mg", "route": "oral",
                             "frequency": "once-daily", "signed": true}]}""");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("a finding overridden straight in the database stops counting in the next answer")
    void reviewOutsideTheServiceIsSeen() throws SQLException {
        long before = numerator(RATES, "2026-10");
        assertThat(numerator(RATES, "2026-10")).as("served again, from the cache").isEqualTo(before).isPositive();

        execute("UPDATE finding SET status = 'overridden' WHERE category = 'prescribing-error'");

        assertThat(numerator(RATES, "2026-10")).isZero();
        execute("UPDATE finding SET status = 'flagged' WHERE status = 'overridden'");
        assertThat(numerator(RATES, "2026-10")).isEqualTo(before);
    }

    @Test
    @DisplayName("a sample moved to another month straight in the database moves in the next answer")
    void sampleChangedOutsideTheServiceIsSeen() throws SQLException {
        assertThat(audited(RATES, "2026-09")).isFalse();

        execute("UPDATE chart_sample SET period = '2026-09', audit_date = '2026-09-05' WHERE period = '2026-10'");
        try {
            assertThat(audited(RATES, "2026-09")).isTrue();
            assertThat(audited(RATES, "2026-10")).isFalse();
        } finally {
            execute("UPDATE chart_sample SET period = '2026-10', audit_date = '2026-10-05' WHERE period = '2026-09'");
        }
        assertThat(audited(RATES, "2026-10")).isTrue();
    }

    @Test
    @DisplayName("the all-wards summary, kept like a series, sees a review made straight in the database")
    void summaryChangedOutsideTheServiceIsSeen() throws SQLException {
        String summary = "/api/v1/summary?period=2026-10";
        long before = summaryNumerator(summary);
        assertThat(summaryNumerator(summary)).as("served again, from the cache").isEqualTo(before).isPositive();

        execute("UPDATE finding SET status = 'overridden' WHERE category = 'prescribing-error'");
        try {
            assertThat(summaryNumerator(summary)).isZero();
        } finally {
            execute("UPDATE finding SET status = 'flagged' WHERE status = 'overridden'");
        }
        assertThat(summaryNumerator(summary)).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private long summaryNumerator(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Object> icu = ((List<Map<String, Object>>) response.object().get("wards")).stream()
                .filter(ward -> "ICU".equals(ward.get("ward"))).findFirst().orElseThrow();
        Map<String, Object> errors = ((List<Map<String, Object>>) icu.get("measures")).stream()
                .filter(measure -> ERRORS.equals(measure.get("measure"))).findFirst().orElseThrow();
        Object numerator = errors.get("numerator");
        return numerator == null ? 0 : ((Number) numerator).longValue();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long numerator(String path, String period) {
        Object numerator = point(path, period).get("numerator");
        return numerator == null ? 0 : ((Number) numerator).longValue();
    }

    private boolean audited(String path, String period) {
        return Boolean.TRUE.equals(point(path, period).get("audited"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> point(String path, String period) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Object> series = ((List<Map<String, Object>>) response.object().get("series")).stream()
                .filter(s -> ERRORS.equals(s.get("measure"))).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) series.get("points")).stream()
                .filter(p -> period.equals(p.get("period"))).findFirst().orElseThrow();
    }
}
