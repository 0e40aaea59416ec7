package org.medaudit.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    ApiTokens tokens;

    @Inject
    Users users;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.configured();
    }

    @Test
    @DisplayName("health says UP and nothing else a stranger could use (no database URL, no disk)")
    void health() {
        Http.Response health = new Http(server.getURI()).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.object()).containsEntry("status", "UP");
        assertThat(health.body()).doesNotContain("jdbc", "sqlite", "diskSpace");
    }

    @Test
    @DisplayName("Prometheus metrics, for a monitoring service's token, include HTTP request timings")
    void prometheus() {
        String secret = tokens.create(new TokenRequests.NewToken("prometheus", "read", null), "test").secret();
        Http http = Http.withToken(server.getURI(), secret);
        http.get("/api/v1/wards");

        Http.Response metrics = http.get("/prometheus", "text/plain");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("an unknown path is a 404 problem for someone signed in")
    void unknownPath() {
        Http.Response missing = People.pharmacist(server, users).get("/api/v1/nothing-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("a browser following a dead link gets a 404 page in MedAudit's layout, not a JSON body")
    void unknownPageInABrowser() {
        Http pharmacist = People.pharmacist(server, users);

        Http.Response missing = pharmacist.get("/no-such-page", Http.BROWSER_ACCEPT);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("Page not found").contains("medaudit-header");

        Http.Response missingAudit = pharmacist.get("/audits/no-such-sample", Http.BROWSER_ACCEPT);
        assertThat(missingAudit.status()).isEqualTo(404);
        assertThat(missingAudit.header("Content-Type")).startsWith("text/html");
    }

    @Test
    @DisplayName("the API answers problem+json even to a browser, because its callers are programs")
    void apiErrorsStayProblemJsonForBrowsers() {
        Http.Response missing = People.pharmacist(server, users).get("/api/v1/nothing-here", Http.BROWSER_ACCEPT);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("a ward user opening another ward's audit in a browser gets a 403 page that says why")
    void forbiddenPageInABrowser() {
        Http wardUser = People.signedIn(server, users, "amu-only", java.util.List.of(org.medaudit.security.Roles.WARD),
                new org.medaudit.security.Scope(java.util.Set.of(), java.util.Set.of("AMU")));

        Http.Response forbidden = wardUser.get("/audits", Http.BROWSER_ACCEPT);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("text/html");
        assertThat(forbidden.body()).contains("You cannot see this page");
    }
}
