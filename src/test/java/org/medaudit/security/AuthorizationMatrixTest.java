package org.medaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Every route the application exposes — read from the router, so a new route cannot be forgotten — called by
 * each kind of caller: anonymous, an admin, a pharmacist, a ward user, a read token and an intake token. A route
 * missing from {@link #EXPECTED} fails the test until someone decides who may call it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest implements TestPropertyProvider {

    static final String ANONYMOUS = "anonymous";
    static final String READ_TOKEN = "read-token";
    static final String INTAKE_TOKEN = "intake-token";
    static final List<String> CALLERS = List.of(ANONYMOUS, Roles.ADMIN, Roles.PHARMACIST, Roles.WARD, READ_TOKEN,
            INTAKE_TOKEN);

    static final Set<String> EVERYONE = Set.copyOf(CALLERS);
    static final Set<String> SIGNED_IN = Set.of(Roles.ADMIN, Roles.PHARMACIST, Roles.WARD, READ_TOKEN, INTAKE_TOKEN);
    static final Set<String> PEOPLE = Set.of(Roles.ADMIN, Roles.PHARMACIST, Roles.WARD);
    static final Set<String> ADMIN = Set.of(Roles.ADMIN);

    /** Who may call each route ("METHOD template"); everyone else must get 401 or 403. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /health", EVERYONE);
        EXPECTED.put("GET /health/{selector}", EVERYONE);
        EXPECTED.put("GET /login", EVERYONE);
        EXPECTED.put("POST /login", EVERYONE);
        // Signing out is harmless for anyone; GET is refused with 405 so a link cannot sign someone out.
        EXPECTED.put("POST /logout", EVERYONE);
        EXPECTED.put("GET /logout", EVERYONE);
        EXPECTED.put("GET /prometheus", Set.of(Roles.ADMIN, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /", PEOPLE);
        EXPECTED.put("POST /api/v1/samples", Set.of(Roles.ADMIN, Roles.PHARMACIST, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/samples/{id}", PEOPLE);
        EXPECTED.put("GET /api/v1/sites", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards/{code}", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards/{ward}/rates", SIGNED_IN);
        EXPECTED.put("GET /api/v1/measures", SIGNED_IN);
        EXPECTED.put("GET /api/v1/measures/{id}", SIGNED_IN);
        // Each caller gets the wards it may read (possibly none): never refused.
        EXPECTED.put("GET /api/v1/summary", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards/{ward}/findings-summary", SIGNED_IN);
        EXPECTED.put("GET /api/v1/sites/{site}/findings-summary",
                Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/network/findings-summary",
                Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/admin/users", ADMIN);
        EXPECTED.put("POST /api/v1/admin/users", ADMIN);
        EXPECTED.put("GET /api/v1/admin/users/{username}", ADMIN);
        EXPECTED.put("PATCH /api/v1/admin/users/{username}", ADMIN);
        EXPECTED.put("POST /api/v1/admin/users/{username}/password", ADMIN);
        EXPECTED.put("GET /api/v1/admin/tokens", ADMIN);
        EXPECTED.put("POST /api/v1/admin/tokens", ADMIN);
        EXPECTED.put("DELETE /api/v1/admin/tokens/{id}", ADMIN);
        EXPECTED.put("GET /api/v1/admin/audit-events", ADMIN);
        EXPECTED.put("GET /api/v1/admin/backups", ADMIN);
        EXPECTED.put("POST /api/v1/admin/backups", ADMIN);
        EXPECTED.put("GET /admin/users", ADMIN);
        EXPECTED.put("POST /admin/users", ADMIN);
        EXPECTED.put("GET /admin/users/{username}", ADMIN);
        EXPECTED.put("POST /admin/users/{username}", ADMIN);
        EXPECTED.put("POST /admin/users/{username}/password", ADMIN);
        EXPECTED.put("GET /admin/tokens", ADMIN);
        EXPECTED.put("POST /admin/tokens", ADMIN);
        EXPECTED.put("POST /admin/tokens/{id}/revoke", ADMIN);
        EXPECTED.put("GET /admin/audit", ADMIN);
        EXPECTED.put("GET /api/v1/sites/{site}/rates", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/network/rates", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        // The ward and site pages: whoever may read the ward's rates, or every ward of the site.
        EXPECTED.put("GET /wards/{code}", SIGNED_IN);
        EXPECTED.put("GET /sites/{site}", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /wards/{code}/annotations/new", PEOPLE);
        EXPECTED.put("POST /wards/{code}/annotations", PEOPLE);
        EXPECTED.put("GET /api/v1/wards/{ward}/annotations", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards/{ward}/annotations/{id}", SIGNED_IN);
        EXPECTED.put("POST /api/v1/wards/{ward}/annotations", PEOPLE);
        EXPECTED.put("PATCH /api/v1/wards/{ward}/annotations/{id}", PEOPLE);
        EXPECTED.put("DELETE /api/v1/wards/{ward}/annotations/{id}", PEOPLE);
        EXPECTED.put("GET /api/v1/rules", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/rules/{id}", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/rule-books", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("POST /api/v1/rule-books/reload", ADMIN);
        EXPECTED.put("GET /rules", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /rules/reload", ADMIN);
        EXPECTED.put("POST /api/v1/admin/back-tests", ADMIN);
        EXPECTED.put("GET /api/v1/admin/back-tests/{id}", ADMIN);
        EXPECTED.put("GET /admin/back-tests", ADMIN);
        EXPECTED.put("POST /admin/back-tests", ADMIN);
        EXPECTED.put("GET /admin/back-tests/{id}", ADMIN);
        EXPECTED.put("GET /audits", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/new", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/{id}", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/{id}/correction", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits/{id}/correction", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits/{id}/findings", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits/{id}/findings/{findingId}/confirm", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits/{id}/findings/{findingId}/override", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /api/v1/samples/{id}/findings", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /api/v1/samples/{id}/findings/{findingId}/confirm", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /api/v1/samples/{id}/findings/{findingId}/override", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        // Progress reports: people read and write their ward's (a site's need every ward of it); services read.
        EXPECTED.put("GET /reports", PEOPLE);
        EXPECTED.put("GET /wards/{ward}/reports", PEOPLE);
        EXPECTED.put("GET /wards/{ward}/reports/new", PEOPLE);
        EXPECTED.put("POST /wards/{ward}/reports", PEOPLE);
        EXPECTED.put("GET /wards/{ward}/reports/{month}", PEOPLE);
        EXPECTED.put("GET /wards/{ward}/reports/{month}/edit", PEOPLE);
        EXPECTED.put("POST /wards/{ward}/reports/{month}", PEOPLE);
        EXPECTED.put("GET /sites/{site}/reports", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /sites/{site}/reports/new", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /sites/{site}/reports", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /sites/{site}/reports/{month}", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /sites/{site}/reports/{month}/edit", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /sites/{site}/reports/{month}", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /api/v1/wards/{ward}/reports", SIGNED_IN);
        EXPECTED.put("GET /api/v1/wards/{ward}/reports/{month}", SIGNED_IN);
        EXPECTED.put("GET /api/v1/sites/{site}/reports", Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /api/v1/sites/{site}/reports/{month}",
                Set.of(Roles.ADMIN, Roles.PHARMACIST, READ_TOKEN, INTAKE_TOKEN));
        EXPECTED.put("GET /audits/upload", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("POST /audits/upload", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/upload/template.csv", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/upload/{job}", Set.of(Roles.ADMIN, Roles.PHARMACIST));
        EXPECTED.put("GET /audits/upload/{job}/status", Set.of(Roles.ADMIN, Roles.PHARMACIST));
    }

    /** Routes that take a multipart form (a file upload), called as a browser posts one. */
    static final Set<String> MULTIPART = Set.of("POST /audits/upload");

    /** Values for path variables: a ward the ward user may read, and ids that exist nowhere. */
    static final Map<String, String> VARIABLES = Map.of("id", "999999", "code", "AMU", "ward", "AMU",
            "username", "nobody-here", "selector", "liveness", "findingId", "999999", "site", "RGH",
            "month", "2026-10", "job", "999999");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    final Map<String, Http> clients = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.configured();
    }

    @BeforeAll
    void callers() {
        for (String caller : CALLERS) {
            clients.put(caller, client(caller));
        }
    }

    private Http client(String caller) {
        return switch (caller) {
            case ANONYMOUS -> {
                Http anonymous = new Http(server.getURI());
                anonymous.get("/login", Http.BROWSER_ACCEPT); // a browser has its CSRF cookie from the login page
                yield anonymous;
            }
            case READ_TOKEN -> Http.withToken(server.getURI(),
                    tokens.create(new TokenRequests.NewToken("matrix-read", "read", null), "test").secret());
            case INTAKE_TOKEN -> Http.withToken(server.getURI(),
                    tokens.create(new TokenRequests.NewToken("matrix-intake", "intake", null), "test").secret());
            case Roles.WARD -> People.signedIn(server, users, "matrix-ward", List.of(Roles.WARD),
                    new Scope(Set.of(), Set.of("AMU")));
            default -> People.signedIn(server, users, "matrix-" + caller, List.of(caller), Scope.NONE);
        };
    }

    @Test
    @DisplayName("every route the router knows has an expectation")
    void everyRouteIsInTheMatrix() {
        assertThat(routes()).as("add each new route to EXPECTED, deciding who may call it")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("routes in EXPECTED that no longer exist").isSubsetOf(routes());
    }

    @Test
    @DisplayName("each caller reaches exactly the routes it may, and gets 401 or 403 on the others")
    void everyCallerOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        for (String route : routes()) {
            Set<String> allowed = EXPECTED.getOrDefault(route, Set.of());
            for (String caller : CALLERS) {
                Http.Response response = call(caller, route);
                int status = response.status();
                // Refused: 401 or 403 for an API, or a browser sent to the login page.
                boolean refused = status == 401 || status == 403
                        || status / 100 == 3 && String.valueOf(response.header("Location")).endsWith("/login");
                if (allowed.contains(caller) == refused && !(route.equals("POST /login") && status == 401)) {
                    wrong.add(caller + " → " + route + ": " + status + (allowed.contains(caller)
                            ? " (should be allowed)" : " (should be refused)"));
                }
                if (route.equals("POST /logout") && PEOPLE.contains(caller)) {
                    clients.put(caller, client(caller)); // signing out ended that session
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("anonymous API calls get 401 and anonymous browsers are sent to the login page")
    void anonymousIsSentToLogin() {
        Http anonymous = new Http(server.getURI());

        assertThat(anonymous.get("/api/v1/wards").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/no-such-route").status()).isEqualTo(401);
        Http.Response page = anonymous.get("/admin/users", Http.BROWSER_ACCEPT);
        assertThat(page.status()).isIn(302, 303);
        assertThat(page.header("Location")).endsWith("/login");
    }

    /**
     * The API's description is a static resource, not a route, so it is not in {@link #EXPECTED}: it is open to
     * everyone, because an integrating engineer reads it before they hold a token, and it holds the API's shape
     * only, never data — every operation it lists still refuses a stranger.
     */
    @Test
    @DisplayName("the OpenAPI description and its Swagger UI page are open to everyone; the API they describe is not")
    void apiDocumentationIsPublic() {
        Http anonymous = new Http(server.getURI());

        assertThat(anonymous.get("/api/docs/openapi.yml", "application/yaml").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/docs/index.html", Http.BROWSER_ACCEPT).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/docs/no-such-file.yml", "application/yaml").status()).isIn(401, 404);
        assertThat(anonymous.get("/api/v1/measures").status()).isEqualTo(401);
    }

    private Http.Response call(String caller, String route) {
        String[] parts = route.split(" ", 2);
        String path = parts[1];
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        Http http = clients.get(caller);
        return switch (HttpMethod.parse(parts[0])) {
            case GET -> http.get(path, path.startsWith("/api") || path.startsWith("/health")
                    || path.equals("/prometheus") ? "application/json, text/plain" : Http.BROWSER_ACCEPT);
            case POST -> path.startsWith("/api") ? http.postJson(path, "{}")
                    : MULTIPART.contains(route) ? http.multipart(path, List.of(
                            Http.Part.field("_csrf", http.cookie("MEDAUDIT_CSRF").orElse("")),
                            Http.Part.file("file", "", "")))
                    : http.form(path, Map.of());
            default -> http.send(parts[0], path);
        };
    }

    /** Every route as "METHOD /path"; HEAD routes mirror GET ones and are checked as GET. */
    private Set<String> routes() {
        return router.uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
