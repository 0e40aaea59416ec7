package org.medaudit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service API as another hospital service sees it: plain {@code java.net.http} and Jackson, no MedAudit class
 * (not even the test support client). The server is started by the test framework, and everything else goes over
 * HTTP: the administrator signs in through the login page, creates API tokens through the admin API, an intake
 * token submits the design's example chart, and scoped read tokens read the rates.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceClientContractTest implements TestPropertyProvider {

    private static final String ADMIN_PASSWORD = "contract-admin-Password-2026";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** What a browser accepts (the sign-in endpoint answers a form post with a redirect, not HTML). */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** Every field a series carries (DESIGN.md, "Rates and charts over HTTP"). */
    private static final Set<String> SERIES_FIELDS = Set.of("ward", "measure", "chart", "per", "improvement",
            "ruleProfile", "points");
    private static final Set<String> CHARTS = Set.of("run", "p", "u", "xmr");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    EmbeddedServer server;

    private URI base;
    private String amuReader;
    private String w12Reader;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path folder = Files.createTempDirectory("medaudit-contract");
            folder.toFile().deleteOnExit();
            return Map.of("datasources.default.url", "jdbc:sqlite:" + folder.resolve("medaudit.db")
                            + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=NORMAL"
                            + "&transaction_mode=IMMEDIATE&date_class=TEXT",
                    "medaudit.admin-password", ADMIN_PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        base = server.getURI();
        Admin admin = Admin.signIn(base, ADMIN_PASSWORD);
        String intake = admin.createToken("{\"name\": \"contract intake\", \"access\": \"intake\"}");
        amuReader = admin.createToken("{\"name\": \"contract AMU\", \"access\": \"read\", "
                + "\"scope\": {\"sites\": [], \"wards\": [\"AMU\"]}}");
        w12Reader = admin.createToken("{\"name\": \"contract W12\", \"access\": \"read\", "
                + "\"scope\": {\"sites\": [], \"wards\": [\"W12\"]}}");

        HttpResponse<String> stored = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/samples"))
                .header("Authorization", "Bearer " + intake)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", "contract-design-example")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/charts/design-example.json")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/api/v1/samples/"));
    }

    @Test
    @DisplayName("a ward's series comes back in the design's series shape, field by field")
    void wardSeriesHasTheDesignShape() throws Exception {
        HttpResponse<String> response = get("/api/v1/wards/AMU/rates?from=2026-09&to=2026-11", amuReader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode rates = json.readTree(response.body());
        assertThat(rates.path("ward").asText()).isEqualTo("AMU");
        assertThat(rates.path("from").asText()).isEqualTo("2026-09");
        assertThat(rates.path("to").asText()).isEqualTo("2026-11");
        assertThat(rates.path("basis").asText()).isEqualTo("reviewed");
        assertThat(rates.path("series").isArray()).isTrue();
        assertThat(rates.path("series").size()).isEqualTo(measureCount());

        for (JsonNode series : rates.path("series")) {
            List<String> names = new ArrayList<>();
            series.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("fields of %s", series.path("measure")).containsAll(SERIES_FIELDS);
            assertThat(series.path("ward").asText()).isEqualTo("AMU");
            assertThat(series.path("chart").asText()).isIn(CHARTS);
            assertThat(series.path("per").isInt()).isTrue();
            assertThat(series.path("improvement").asText()).isIn("increase", "decrease");
            assertThat(series.path("ruleProfile").isTextual()).isTrue();

            JsonNode points = series.path("points");
            assertThat(points.size()).as("one point per month, audited or not").isEqualTo(3);
            assertThat(points.get(0).path("period").asText()).isEqualTo("2026-09");
            assertThat(points.get(2).path("period").asText()).isEqualTo("2026-11");
            for (int i : new int[] {0, 2}) {
                JsonNode gap = points.get(i);
                assertThat(gap.path("audited").asBoolean(true)).as("not audited is not zero").isFalse();
                assertThat(gap.has("numerator")).isFalse();
                assertThat(gap.has("denominator")).isFalse();
                assertThat(gap.has("value")).isFalse();
            }
            JsonNode october = points.get(1);
            assertThat(october.path("period").asText()).isEqualTo("2026-10");
            assertThat(october.path("audited").asBoolean()).isTrue();
            assertThat(october.path("numerator").isIntegralNumber()).isTrue();
            assertThat(october.path("denominator").isIntegralNumber()).isTrue();
            assertThat(october.path("annotations").isArray()).isTrue();
            if (october.path("denominator").asLong() > 0) {
                double expected = series.path("per").asDouble() * october.path("numerator").asDouble()
                        / october.path("denominator").asDouble();
                assertThat(october.path("value").asDouble()).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(0.01));
                assertThat(october.path("centre").isNumber()).isTrue();
                assertThat(october.path("signals").isArray()).isTrue();
            }
        }
        JsonNode errors = seriesOf(rates, "prescribing-errors-per-100-orders");
        assertThat(errors.path("chart").asText()).isEqualTo("u");
        assertThat(errors.path("per").asInt()).isEqualTo(100);
        assertThat(errors.path("improvement").asText()).isEqualTo("decrease");
        JsonNode october = errors.path("points").get(1);
        assertThat(october.path("numerator").asLong()).as("daily oral methotrexate is a prescribing error")
                .isPositive();
        assertThat(october.path("denominator").asLong()).as("one order audited").isEqualTo(1);
    }

    @Test
    @DisplayName("without a token the API answers 401 with a problem body")
    void withoutTokenIs401() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                base.resolve("/api/v1/wards/AMU/rates")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/wards/AMU/rates", "mdt_not-a-real-token").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a token scoped to another ward gets 403 as problem+json")
    void outOfScopeIs403() throws Exception {
        HttpResponse<String> response = get("/api/v1/wards/AMU/rates", w12Reader);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(403);
        assertThat(get("/api/v1/wards/W12/rates", w12Reader).statusCode()).as("its own ward").isEqualTo(200);
    }

    @Test
    @DisplayName("a bad month is 422 problem+json naming the parameter by pointer")
    void badMonthIs422() throws Exception {
        HttpResponse<String> response = get("/api/v1/wards/AMU/rates?from=2026-13&to=2026-11", amuReader);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).startsWith("https://");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("/query/from");
        assertThat(problem.path("errors").get(0).path("detail").asText()).contains("YYYY-MM");
    }

    @Test
    @DisplayName("the sites, wards, measures and rules a client needs to ask for rates are readable with a token")
    void directoryForClients() throws Exception {
        JsonNode sites = json.readTree(get("/api/v1/sites", amuReader).body());
        assertThat(sites.findValuesAsText("code")).contains("AMU");
        JsonNode ward = json.readTree(get("/api/v1/wards/AMU", amuReader).body());
        assertThat(ward.path("name").asText()).isNotBlank();
        assertThat(json.readTree(get("/api/v1/measures", amuReader).body()).findValuesAsText("id"))
                .contains("prescribing-errors-per-100-orders");
        assertThat(json.readTree(get("/api/v1/rules/HRM-001", amuReader).body()).path("category").asText())
                .isEqualTo("prescribing-error");
    }

    private int measureCount() throws Exception {
        return json.readTree(get("/api/v1/measures", amuReader).body()).size();
    }

    private static JsonNode seriesOf(JsonNode rates, String measure) {
        for (JsonNode series : rates.path("series")) {
            if (series.path("measure").asText().equals(measure)) {
                return series;
            }
        }
        throw new AssertionError("No series for " + measure);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The administrator, signed in through the login page with a session cookie, as a person in a browser. */
    private record Admin(URI base, HttpClient client, CookieManager cookies, ObjectMapper json) {

        static Admin signIn(URI base, String password) throws Exception {
            // Every cookie, as a browser keeps them for localhost (the default policy drops host-only ones here).
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .build();
            Admin admin = new Admin(base, client, cookies, new ObjectMapper());
            client.send(HttpRequest.newBuilder(base.resolve("/login")).header("Accept", BROWSER_ACCEPT).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            Map<String, String> form = new HashMap<>(Map.of("username", "admin", "password", password,
                    "_csrf", admin.cookie("MEDAUDIT_CSRF")));
            String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
            HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER_ACCEPT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(admin.cookie("MEDAUDIT_SESSION")).isNotEmpty();
            return admin;
        }

        /** Creates an API token through the admin API and returns its secret (shown this once). */
        String createToken(String request) throws Exception {
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/tokens"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-Token", cookie("MEDAUDIT_CSRF"))
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String secret = json.readTree(created.body()).path("secret").asText();
            assertThat(secret).startsWith("mdt_");
            return secret;
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }
    }
}
