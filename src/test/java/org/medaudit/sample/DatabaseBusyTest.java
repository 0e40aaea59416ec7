package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * When SQLite's one write lock stays taken past the busy timeout, a chart sample is refused with 503 and
 * {@code Retry-After}, nothing of it is stored, and the same request succeeds once the database is free — on the
 * same connection, which must not be left believing it is inside a transaction that never began.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBusyTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    private String url;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        // A short wait, so the test does not sit through the default five seconds.
        url = properties.get("datasources.default.url").replace("busy_timeout=5000", "busy_timeout=200");
        properties.put("datasources.default.url", url);
        // One connection, so the retry is sure to use the connection whose transaction could not begin.
        properties.put("datasources.default.maximum-pool-size", "1");
        return properties;
    }

    @Test
    @DisplayName("a sample that cannot get the write lock is answered 503 with Retry-After, stores nothing, and "
            + "is stored when sent again")
    void busyDatabaseAnswers503AndARetryStores() throws SQLException {
        Http http = People.pharmacist(server, users);
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response refused;
        try (Connection writer = DriverManager.getConnection(url.substring(0, url.indexOf('?')));
                Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE"); // another process holding the write lock
            refused = http.postJson("/api/v1/samples", Charts.designExample(), "Idempotency-Key", "busy-1");
            statement.execute("ROLLBACK");
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat((String) refused.object().get("detail")).contains("busy", "nothing was stored");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);

        Http.Response retried = http.postJson("/api/v1/samples", Charts.designExample(), "Idempotency-Key",
                "busy-1");

        assertThat(retried.status()).isEqualTo(201);
        assertThat(Tables.count(dataSource, "chart_sample")).isEqualTo(before.get("chart_sample") + 1);
    }
}
