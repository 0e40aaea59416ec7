package org.medaudit.report.export;

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
import org.medaudit.rules.RuleBookService;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.FhirValidation;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * FHIR R4 from the API, each resource validated against the R4 structure definitions by HAPI FHIR.
 *
 * <p>Ward AMU, October 2026: 2 charts, one with methotrexate daily (1 prescribing error, potentially lethal) and
 * paracetamol, one with paracetamol only: 1 error in 3 orders. September 2026: 1 chart, paracetamol only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirExportTest implements TestPropertyProvider {

    private static final String SIGNED = "\"route\": \"oral\", \"signed\": true";
    private static final String PARACETAMOL = """
            {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %s}""".formatted(SIGNED);
    private static final String ERRORS = "prescribing-errors-per-100-orders";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @Inject
    RuleBookService ruleBooks;

    Http pharmacist;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void audit() {
        pharmacist = People.pharmacist(server, users);
        post("2026-10-03", """
                {"drug": "methotrexate", "dose": 10, "unit": "mg", "doseText": "10mg", "frequency": "once-daily",
                 %s}, %s""".formatted(SIGNED, PARACETAMOL));
        post("2026-10-04", PARACETAMOL);
        post("2026-09-04", PARACETAMOL);
    }

    private void post(String date, String orders) {
        Http.Response response = pharmacist.postJson("/api/v1/samples", """
                {"ward": "AMU", "auditDate": "%s", "patient": {"allergyStatus": "none-known"}, "orders": [%s]}"""
                .formatted(date, orders));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object here = node;
        for (Object step : path) {
            here = step instanceof Integer index ? ((List<Object>) here).get(index)
                    : ((Map<String, Object>) here).get(step);
        }
        return (T) here;
    }

    @Test
    @DisplayName("one measure for one month is a MeasureReport: ward as Location, site as reporter, counts and score")
    void measureReport() {
        Http.Response response = pharmacist.get("/api/v1/wards/AMU/rates?from=2026-10&to=2026-10&measure=" + ERRORS,
                "application/fhir+json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(FhirValidation.errors(response.body())).isEmpty();
        Map<String, Object> report = response.object();
        assertThat(report).containsEntry("resourceType", "MeasureReport").containsEntry("status", "complete")
                .containsEntry("type", "summary")
                .containsEntry("measure", "https://medaudit.org/fhir/Measure/" + ERRORS);
        assertThat(at(report, "subject", "reference").toString()).isEqualTo("Location/AMU");
        assertThat(at(report, "reporter", "reference").toString()).isEqualTo("Organization/RGH");
        assertThat((Object) at(report, "period")).isEqualTo(Map.of("start", "2026-10-01", "end", "2026-10-31"));
        Map<String, Object> group = at(report, "group", 0);
        assertThat(at(group, "population", 0, "code", "coding", 0, "code").toString()).isEqualTo("numerator");
        assertThat(at(group, "population", 0, "count").toString()).isEqualTo("1");
        assertThat(at(group, "population", 1, "code", "coding", 0, "code").toString()).isEqualTo("denominator");
        assertThat(at(group, "population", 1, "count").toString()).isEqualTo("3");
        assertThat(at(group, "measureScore", "value").toString()).isEqualTo("33.33");
        List<Map<String, Object>> stratifiers = at(group, "stratifier");
        assertThat(stratifiers).extracting(s -> at(s, "code", 0, "coding", 0, "code"))
                .containsExactly("finding-category", "finding-severity");
        assertThat(at(stratifiers.get(1), "stratum").toString()).contains("potentially-lethal");
    }

    @Test
    @DisplayName("every measure over several months is a Bundle of valid MeasureReports, one per measure and audited month")
    void bundle() {
        Http.Response response = pharmacist.get("/api/v1/wards/AMU/rates?from=2026-08&to=2026-10&format=fhir");

        assertThat(response.status()).isEqualTo(200);
        assertThat(FhirValidation.errors(response.body())).isEmpty();
        Map<String, Object> bundle = response.object();
        int measures = ((List<?>) pharmacist.get("/api/v1/measures").json()).size();
        assertThat(bundle).containsEntry("resourceType", "Bundle").containsEntry("type", "collection");
        List<Map<String, Object>> entries = at(bundle, "entry");
        assertThat(entries).hasSize(measures * 2).allSatisfy(entry -> assertThat(at(entry, "resource", "resourceType")
                .toString()).isEqualTo("MeasureReport"));
        assertThat(entries).extracting(entry -> at(entry, "fullUrl")).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("for a token beyond the ward, small counts are left out with data-absent-reason masked, still valid")
    void suppressedReport() {
        Http site = Http.withToken(server.getURI(), tokens.create(new TokenRequests.NewToken("rgh-fhir", "read",
                new Scope(Set.of("RGH"), Set.of())), "test").secret());

        Http.Response response = site.get("/api/v1/wards/AMU/rates?from=2026-10&to=2026-10&format=fhir&measure="
                + ERRORS);

        assertThat(FhirValidation.errors(response.body())).isEmpty();
        Map<String, Object> numerator = at(response.object(), "group", 0, "population", 0);
        assertThat(numerator).doesNotContainKey("count");
        assertThat(at(numerator, "_count", "extension", 0, "valueCode").toString()).isEqualTo("masked");
        assertThat(response.body()).doesNotContain("\"value\":33.33");
    }

    @Test
    @DisplayName("each measure document is a valid Measure with its url, scoring, improvement notation and rule-book version")
    void measures() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) pharmacist.get("/api/v1/measures").json();
        for (Map<String, Object> definition : all) {
            Http.Response response = pharmacist.get("/api/v1/measures/" + definition.get("id"),
                    "application/fhir+json");
            assertThat(FhirValidation.errors(response.body())).as(definition.get("id").toString()).isEmpty();
            Map<String, Object> measure = response.object();
            assertThat(measure).containsEntry("resourceType", "Measure").containsEntry("status", "active")
                    .containsEntry("url", "https://medaudit.org/fhir/Measure/" + definition.get("id"))
                    .containsEntry("version", ruleBooks.current().version())
                    .containsEntry("title", definition.get("title"));
            assertThat(at(measure, "improvementNotation", "coding", 0, "code").toString())
                    .isEqualTo(definition.get("improvement"));
            assertThat(at(measure, "scoring", "coding", 0, "code").toString())
                    .isEqualTo(definition.get("chart").equals("p") ? "proportion" : "ratio");
        }
        assertThat(pharmacist.get("/api/v1/measures/" + ERRORS).object()).containsEntry("id", ERRORS)
                .doesNotContainKey("resourceType");
    }
}
