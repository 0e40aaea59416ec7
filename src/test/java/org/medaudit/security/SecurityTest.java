package org.medaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/** Sign-in, sessions, tokens, CSRF, ward scoping, escaping and the audit trail, over real HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    Http admin;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.configured();
    }

    @BeforeAll
    void signInAdmin() {
        admin = People.signedIn(server, users, "security-admin", List.of(Roles.ADMIN), Scope.NONE);
    }

    @Test
    @DisplayName("the first run created an admin account")
    void firstRunAdmin() {
        assertThat(users.find("admin")).hasValueSatisfying(user -> assertThat(user.roles()).containsExactly(
                Roles.ADMIN));
    }

    @Test
    @DisplayName("a form without the CSRF token, or with a wrong one, is refused and changes nothing")
    void csrfIsRequiredOnForms() {
        Map<String, String> form = Map.of("username", "csrf-victim", "displayName", "Victim",
                "password", People.PASSWORD, "roles", Roles.PHARMACIST);

        Http.Response missing = admin.formWithToken("/admin/users", form, "");
        Http.Response wrong = admin.formWithToken("/admin/users", form, "not-the-token");

        assertThat(missing.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(users.find("csrf-victim")).isEmpty();
        assertThat(admin.form("/admin/users", form).status()).isEqualTo(303);
        assertThat(users.find("csrf-victim")).isPresent();
    }

    @Test
    @DisplayName("a JSON request with a session cookie needs the CSRF header; a bearer token does not")
    void csrfOnJsonWithCookies() {
        Http pharmacist = People.signedIn(server, users, "csrf-pharmacist", List.of(Roles.PHARMACIST), Scope.NONE);
        String intake = tokens.create(new TokenRequests.NewToken("csrf-intake", "intake", null), "test").secret();

        Http.Response withoutHeader = pharmacist.post("/api/v1/samples", "application/json",
                Charts.designExample().getBytes(), "X-CSRF-Token", "forged");
        Http.Response withToken = Http.withToken(server.getURI(), intake).postJson("/api/v1/samples",
                Charts.designExample());

        assertThat(withoutHeader.status()).isEqualTo(403);
        assertThat(withToken.status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a revoked token stops working at once; its secret is never listed")
    void tokenRevocation() {
        TokenRequests.CreatedToken created = tokens.create(new TokenRequests.NewToken("dashboard", "read",
                new Scope(Set.of("RGH"), Set.of())), "test");
        Http service = Http.withToken(server.getURI(), created.secret());
        assertThat(service.get("/api/v1/wards/AMU/rates").status()).isEqualTo(200);

        Http.Response revoked = admin.send("DELETE", "/api/v1/admin/tokens/" + created.token().id());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(service.get("/api/v1/wards/AMU/rates").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/tokens").body()).doesNotContain(created.secret())
                .contains(created.token().prefix());
    }

    @Test
    @DisplayName("a scoped token and a ward user read their own wards only")
    void wardScoping() {
        String siteToken = tokens.create(new TokenRequests.NewToken("northfield", "read",
                new Scope(Set.of("NCH"), Set.of())), "test").secret();
        Http northfield = Http.withToken(server.getURI(), siteToken);
        Http ward12 = People.signedIn(server, users, "ward12-manager", List.of(Roles.WARD),
                new Scope(Set.of(), Set.of("W12")));
        String amuSample = People.pharmacist(server, users).postJson("/api/v1/samples", Charts.designExample())
                .header("Location");

        assertThat(northfield.get("/api/v1/wards/NCH-STROKE/rates").status()).isEqualTo(200);
        assertThat(northfield.get("/api/v1/wards/AMU/rates").status()).isEqualTo(403);
        assertThat(ward12.get("/api/v1/wards/W12/rates").status()).isEqualTo(200);
        assertThat(ward12.get("/api/v1/wards/AMU/rates").status()).isEqualTo(403);
        assertThat(ward12.get(amuSample).status()).as("another ward's sample does not leak").isEqualTo(404);
        assertThat(ward12.get("/", Http.BROWSER_ACCEPT).body()).contains("W12").doesNotContain("Acute Medical Unit");
    }

    @Test
    @DisplayName("five wrong passwords lock the account; the answer is the same as for an unknown user")
    void lockout() {
        users.create(new UserRequests.NewUser("locked-out", "Locked Out", People.PASSWORD,
                List.of(Roles.PHARMACIST), null));
        Http browser = new Http(server.getURI());
        browser.get("/login", Http.BROWSER_ACCEPT);
        Http.Response unknown = browser.form("/login", Map.of("username", "no-such-user", "password", "whatever1234"));
        Http.Response wrong = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            wrong = browser.form("/login", Map.of("username", "locked-out", "password", "wrong password " + attempt));
        }

        Http.Response right = browser.form("/login", Map.of("username", "locked-out", "password", People.PASSWORD));

        assertThat(wrong.header("Location")).isEqualTo(unknown.header("Location")).endsWith("/login?error=true");
        assertThat(right.header("Location")).as("locked even with the right password").endsWith("/login?error=true");
        assertThat(users.find("locked-out").orElseThrow().locked()).isTrue();
        users.resetPassword("locked-out", People.PASSWORD);
        assertThat(browser.form("/login", Map.of("username", "locked-out", "password", People.PASSWORD))
                .header("Location")).as("a new password lifts the lock").endsWith("/");
    }

    @Test
    @DisplayName("disabling a user or resetting their password ends their open session")
    void sessionsEndWithTheAccount() {
        Http disabled = People.signedIn(server, users, "soon-disabled", List.of(Roles.PHARMACIST), Scope.NONE);
        Http reset = People.signedIn(server, users, "soon-reset", List.of(Roles.PHARMACIST), Scope.NONE);
        assertThat(disabled.get("/api/v1/wards").status()).isEqualTo(200);

        users.change("soon-disabled", new UserRequests.UserChange(null, null, null, false));
        users.resetPassword("soon-reset", "another long password");

        assertThat(disabled.get("/api/v1/wards").status()).isEqualTo(401);
        assertThat(reset.get("/api/v1/wards").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("script and quote payloads in every free-text field are shown as text, never run")
    void outputIsEscaped() {
        String payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        users.create(new UserRequests.NewUser("xss-user", payload, People.PASSWORD, List.of(Roles.PHARMACIST),
                null));
        tokens.create(new TokenRequests.NewToken(payload, "read", null), "test");

        String usersPage = admin.get("/admin/users", Http.BROWSER_ACCEPT).body();
        String tokensPage = admin.get("/admin/tokens", Http.BROWSER_ACCEPT).body();
        String auditPage = admin.get("/admin/audit", Http.BROWSER_ACCEPT).body();
        Http.Response refused = admin.form("/admin/users", Map.of("username", payload, "displayName", payload));

        for (String page : List.of(usersPage, tokensPage, auditPage, refused.body())) {
            assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;");
        }
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("a refused admin form comes back filled in with messages beside the fields")
    void refusedFormKeepsTheDraft() {
        Http.Response refused = admin.form("/admin/users", Map.of("username", "Bad Name!", "displayName",
                "Kept Name", "password", "short", "roles", Roles.WARD));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "href=\"#username\"", "href=\"#password\"",
                "value=\"Kept Name\"", "a ward user needs at least one site or ward".substring(2));
    }

    @Test
    @DisplayName("every kind of change is on the audit trail with who made it")
    void auditTrail() {
        Http pharmacist = People.signedIn(server, users, "audited-pharmacist", List.of(Roles.PHARMACIST),
                Scope.NONE);
        String sample = pharmacist.postJson("/api/v1/samples", Charts.designExample()).object().get("id").toString();
        admin.postJson("/api/v1/admin/users", """
                {"username": "audited-new", "displayName": "New", "password": "%s", "roles": ["pharmacist"]}"""
                .formatted(People.PASSWORD));
        admin.send("PATCH", "/api/v1/admin/users/audited-new");
        Http.Response token = admin.postJson("/api/v1/admin/tokens", """
                {"name": "audited-token", "access": "read"}""");
        admin.send("DELETE", "/api/v1/admin/tokens/" + ((Map<?, ?>) token.object().get("token")).get("id"));

        String trail = admin.get("/api/v1/admin/audit-events?size=200").body();

        assertThat(trail).contains("\"action\":\"sample.created\"", "\"subjectId\":\"" + sample + "\"",
                "\"actor\":\"audited-pharmacist\"", "\"action\":\"user.created\"", "\"actor\":\"security-admin\"",
                "\"action\":\"token.created\"", "\"action\":\"token.revoked\"", "\"action\":\"ward.created\"",
                "\"actor\":\"system\"");
        assertThat(trail).doesNotContain("passwordHash", "$2a$");
    }

    @Test
    @DisplayName("every answer carries the security headers, and the policy allows no inline script")
    void securityHeaders() {
        Http.Response page = new Http(server.getURI()).get("/login", Http.BROWSER_ACCEPT);

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.body()).doesNotContain("<script>");
    }

    @Test
    @DisplayName("the session cookie is HttpOnly and SameSite=Strict")
    void sessionCookie() {
        Http browser = new Http(server.getURI());
        browser.get("/login", Http.BROWSER_ACCEPT);

        Http.Response signIn = browser.form("/login", Map.of("username", "security-admin",
                "password", People.PASSWORD));

        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("MEDAUDIT_SESSION=").contains("HTTPOnly", "SameSite=Strict"));
    }
}
