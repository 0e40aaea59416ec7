package org.medaudit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/** On PostgreSQL, MedAudit takes no backups itself: the endpoint says so clearly and points at pg_dump. */
@MicronautTest(environments = "postgres", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
class PostgresBackupTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.postgres();
    }

    @Test
    @DisplayName("asking for a backup on PostgreSQL is a 501 problem that names pg_dump")
    void backupIsPgDumpsJob() {
        Http admin = People.signedIn(server, users, "pg-backup-admin", List.of(Roles.ADMIN), Scope.NONE);

        Http.Response refused = admin.post("/api/v1/admin/backups", "application/json", new byte[0]);

        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat((String) refused.object().get("detail")).contains("pg_dump");
    }
}
