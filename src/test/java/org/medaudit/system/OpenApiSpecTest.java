package org.medaudit.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.support.Http;
import org.medaudit.support.TestDatabases;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI description against the running router: every {@code /api/**} route the application answers
 * is in the spec with its method, every documented operation says what it answers (a success and the 401 problem),
 * and Swagger UI draws it under the same Content-Security-Policy as every page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSpecTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    private Map<String, Object> spec;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void fetchSpec() {
        Http.Response response = new Http(server.getURI()).get("/api/docs/openapi.yml", "application/yaml, */*");
        assertThat(response.status()).as("the spec is open to everyone").isEqualTo(200);
        spec = new Yaml().load(response.body());
    }

    @Test
    @DisplayName("every /api route the router knows is in the served spec with its method")
    void everyApiRouteIsDocumented() {
        Set<String> documented = operations().keySet();

        assertThat(apiRoutes()).as("routes missing from /api/docs/openapi.yml: document them with @Operation")
                .isNotEmpty().isSubsetOf(documented);
        assertThat(documented).as("operations in the spec that no route answers").isSubsetOf(apiRoutes());
    }

    @Test
    @DisplayName("every API operation has a summary, a success answer and the 401 problem answer")
    void everyOperationSaysWhatItAnswers() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, operation) -> {
            Map<String, Object> responses = map(operation.get("responses"));
            if (operation.get("summary") == null && operation.get("description") == null) {
                wrong.add(route + ": no summary");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                wrong.add(route + ": no success response");
            }
            Map<String, Object> unauthorized = map(responses.get("401"));
            if (!map(unauthorized.get("content")).containsKey(Problem.MEDIA_TYPE)) {
                wrong.add(route + ": no 401 problem+json response (add @ApiDocs.Unauthorized)");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("error answers are documented as problem+json with an example body")
    void errorsAreProblemsWithExamples() {
        Map<String, Object> rates = map(map(map(spec.get("paths")).get("/api/v1/wards/{ward}/rates")).get("get"));
        for (String code : List.of("401", "403", "404", "422")) {
            Map<String, Object> problem = map(map(map(map(rates.get("responses")).get(code)).get("content"))
                    .get(Problem.MEDIA_TYPE));
            assertThat(problem).as("%s answer of the ward's rates", code).containsKey("schema");
            assertThat(String.valueOf(problem.get("examples"))).as("%s example", code).contains("status=" + code);
        }
        Map<String, Object> ok = map(map(map(map(rates.get("responses")).get("200")).get("content"))
                .get("application/json"));
        assertThat(String.valueOf(ok.get("examples"))).contains("audited=false");
    }

    @Test
    @DisplayName("the spec names the API, its server and both ways to authenticate")
    void describesTheApi() {
        assertThat(map(spec.get("info"))).containsEntry("title", "MedAudit API");
        Map<String, Object> schemes = map(map(spec.get("components")).get("securitySchemes"));
        assertThat(map(schemes.get(ApiDocs.BEARER))).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(map(schemes.get(ApiDocs.SESSION))).containsEntry("type", "apiKey").containsEntry("in", "cookie")
                .containsEntry("name", "MEDAUDIT_SESSION");
        assertThat(String.valueOf(spec.get("servers"))).contains("url=/");
    }

    @Test
    @DisplayName("Swagger UI is served from the webjar with a start-up script of our own, no inline script")
    void swaggerUiPage() {
        Http anonymous = new Http(server.getURI());
        Http.Response page = anonymous.get("/api/docs/index.html", Http.BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>")
                .contains("\"swagger-start.js\"", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
                        "/webjars/swagger-ui/5.34.1/swagger-ui.css");
        for (String asset : List.of("/api/docs/swagger-start.js", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
                "/webjars/swagger-ui/5.34.1/swagger-ui.css")) {
            assertThat(anonymous.get(asset, "*/*").status()).as(asset).isEqualTo(200);
        }
    }

    /** Every operation of the spec under /api as "METHOD /path". */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new java.util.TreeMap<>();
        map(spec.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                map(item).forEach((method, operation) -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.put(method.toUpperCase(Locale.ROOT) + " " + path, map(operation));
                    }
                });
            }
        });
        return operations;
    }

    /** Every route under /api as "METHOD /path"; HEAD routes mirror GET ones. */
    private Set<String> apiRoutes() {
        return router.uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .filter(route -> route.split(" ", 2)[1].startsWith("/api/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
