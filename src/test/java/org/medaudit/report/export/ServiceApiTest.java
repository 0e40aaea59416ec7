package org.medaudit.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * The service API as another service reads it: the all-wards summary, findings summaries, suppression of small
 * counts, CSV, conditional GET and paging.
 *
 * <p>October 2026: ward AMU (site RGH) has 5 charts, 3 of them with methotrexate daily (1 prescribing error each)
 * and every one with paracetamol: 3 prescribing errors in 8 orders. Ward W12 (RGH) has 1 chart, paracetamol only:
 * 0 errors in 1 order. September 2026: AMU has 1 chart, paracetamol only. Nothing else is audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceApiTest implements TestPropertyProvider {

    private static final String SIGNED = "\"route\": \"oral\", \"signed\": true";
    private static final String PARACETAMOL = """
            {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %s}""".formatted(SIGNED);
    private static final String METHOTREXATE = """
            {"drug": "methotrexate", "dose": 10, "unit": "mg", "doseText": "10mg", "frequency": "once-daily", %s}"""
            .formatted(SIGNED);
    private static final String ERRORS = "prescribing-errors-per-100-orders";
    private static final String OCTOBER = "?from=2026-10&to=2026-10";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    Http pharmacist;
    Http amuToken;
    Http rghToken;
    Http networkToken;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void audit() {
        pharmacist = People.pharmacist(server, users);
        amuToken = token("amu-dashboard", new Scope(Set.of(), Set.of("AMU")));
        rghToken = token("rgh-dashboard", new Scope(Set.of("RGH"), Set.of()));
        networkToken = token("network-warehouse", null);
        for (int i = 1; i <= 5; i++) {
            String orders = i <= 3 ? "[" + METHOTREXATE + ", " + PARACETAMOL + "]" : "[" + PARACETAMOL + "]";
            post(chart("AMU", "2026-10-0" + i, orders));
        }
        post(chart("W12", "2026-10-07", "[" + PARACETAMOL + "]"));
        post(chart("AMU", "2026-09-10", "[" + PARACETAMOL + "]"));
    }

    private Http token(String name, Scope scope) {
        return Http.withToken(server.getURI(),
                tokens.create(new TokenRequests.NewToken(name, "read", scope), "test").secret());
    }

    private static String chart(String ward, String date, String orders) {
        return """
                {"ward": "%s", "auditDate": "%s", "patient": {"allergyStatus": "none-known"}, "orders": %s}"""
                .formatted(ward, date, orders);
    }

    private void post(String chart) {
        Http.Response response = pharmacist.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> items, String key, Object value) {
        return items.stream().filter(item -> value.equals(item.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + items));
    }

    // --- the all-wards summary

    @Test
    @DisplayName("the summary lists every ward the caller may read, sorted by site then ward, for the latest month")
    void summaryOfEveryWard() {
        Http.Response response = pharmacist.get("/api/v1/summary");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Object> summary = response.object();
        assertThat(summary).containsEntry("period", "2026-10").containsEntry("basis", "reviewed");
        assertThat(list(summary.get("wards"))).extracting(w -> w.get("ward")).containsExactly("NCH-REHAB",
                "NCH-STROKE", "AMU", "ICU", "SAU", "W12", "W14");
        Map<String, Object> amu = byKey(list(summary.get("wards")), "ward", "AMU");
        assertThat(amu).containsEntry("audited", true).containsEntry("chartsAudited", 5);
        Map<String, Object> errors = byKey(list(amu.get("measures")), "measure", ERRORS);
        assertThat(errors).containsEntry("audited", true).containsEntry("numerator", 3)
                .containsEntry("denominator", 8).containsEntry("value", 37.5);
        Map<String, Object> w14 = byKey(list(summary.get("wards")), "ward", "W14");
        assertThat(w14).containsEntry("audited", false);
        assertThat(byKey(list(w14.get("measures")), "measure", ERRORS)).containsEntry("audited", false)
                .doesNotContainKeys("numerator", "value", "variationIcon");
    }

    @Test
    @DisplayName("each summary line is the ward's own series at that month: same counts, value, limits and signals")
    void summaryAgreesWithTheWardSeries() {
        Map<String, Object> summary = pharmacist.get("/api/v1/summary?period=2026-10").object();
        Map<String, Object> amu = byKey(list(summary.get("wards")), "ward", "AMU");
        List<Map<String, Object>> series = list(pharmacist.get("/api/v1/wards/AMU/rates" + OCTOBER).object()
                .get("series"));
        for (Map<String, Object> one : series) {
            Map<String, Object> point = list(one.get("points")).get(0);
            Map<String, Object> line = byKey(list(amu.get("measures")), "measure", one.get("measure"));
            for (String field : List.of("numerator", "denominator", "value", "centre", "lower", "upper",
                    "signals")) {
                assertThat(line.get(field)).as(one.get("measure") + " " + field).isEqualTo(point.get(field));
            }
        }
    }

    @Test
    @DisplayName("a scoped token's summary holds only its wards")
    void summaryWithinScope() {
        assertThat(list(amuToken.get("/api/v1/summary").object().get("wards"))).extracting(w -> w.get("ward"))
                .containsExactly("AMU");
        assertThat(list(rghToken.get("/api/v1/summary").object().get("wards"))).extracting(w -> w.get("ward"))
                .containsExactly("AMU", "ICU", "SAU", "W12", "W14");
    }

    @Test
    @DisplayName("a bad period, basis or site is a 422 naming each parameter")
    void summaryRefusesBadParameters() {
        Http.Response response = pharmacist.get("/api/v1/summary?period=October&basis=all&site=NOWHERE");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorPointers()).containsExactlyInAnyOrder("/query/period", "/query/basis",
                "/query/site");
    }

    @Test
    @DisplayName("the summary of one site (any case) holds only that site's wards the caller may read")
    void summaryOfOneSite() {
        assertThat(list(pharmacist.get("/api/v1/summary?site=nch").object().get("wards")))
                .extracting(w -> w.get("ward")).containsExactly("NCH-REHAB", "NCH-STROKE");
        assertThat(list(pharmacist.get("/api/v1/summary?site=RGH").object().get("wards")))
                .extracting(w -> w.get("ward"))
                .containsExactly("AMU", "ICU", "SAU", "W12", "W14");
        assertThat(list(amuToken.get("/api/v1/summary?site=RGH").object().get("wards")))
                .extracting(w -> w.get("ward")).containsExactly("AMU");
        assertThat(list(amuToken.get("/api/v1/summary?site=NCH").object().get("wards"))).isEmpty();
    }

    // --- suppression

    @Test
    @DisplayName("outside the ward's scope counts of 1 to 4 are null and marked suppressed; 0 and 5 or more are shown")
    void suppressionOutsideTheWard() {
        Map<String, Object> amu = byKey(list(rghToken.get("/api/v1/summary?period=2026-10").object().get("wards")),
                "ward", "AMU");
        // 5 charts, 8 orders: shown; 3 errors: hidden, with the value and limits that would reveal it.
        assertThat(amu).containsEntry("chartsAudited", 5).doesNotContainKey("suppressed");
        Map<String, Object> errors = byKey(list(amu.get("measures")), "measure", ERRORS);
        assertThat(errors).containsEntry("denominator", 8).containsEntry("suppressed", true)
                .doesNotContainKeys("numerator", "value", "lower", "upper");
        Map<String, Object> w12 = byKey(list(rghToken.get("/api/v1/summary?period=2026-10").object().get("wards")),
                "ward", "W12");
        // 1 chart and 1 order hidden; 0 errors shown.
        assertThat(w12).containsEntry("suppressed", true).doesNotContainKey("chartsAudited");
        assertThat(byKey(list(w12.get("measures")), "measure", ERRORS)).containsEntry("numerator", 0)
                .containsEntry("suppressed", true).doesNotContainKey("denominator");
    }

    @Test
    @DisplayName("the ward's own token, and pharmacists, see the ward's small counts in full")
    void noSuppressionWithinTheWard() {
        for (Http caller : List.of(amuToken, pharmacist)) {
            Map<String, Object> point = list(byKey(list(caller.get("/api/v1/wards/AMU/rates" + OCTOBER).object()
                    .get("series")), "measure", ERRORS).get("points")).get(0);
            assertThat(point).containsEntry("numerator", 3).containsEntry("denominator", 8)
                    .doesNotContainKey("suppressed");
        }
    }

    @Test
    @DisplayName("a site's rates are a roll-up: suppressed for every caller, pharmacists too")
    void rollUpsAreSuppressed() {
        for (Http caller : List.of(pharmacist, rghToken)) {
            Map<String, Object> point = list(byKey(list(caller.get("/api/v1/sites/RGH/rates" + OCTOBER).object()
                    .get("series")), "measure", ERRORS).get("points")).get(0);
            // 3 errors hidden; 9 orders and 6 charts shown.
            assertThat(point).containsEntry("denominator", 9).containsEntry("chartsAudited", 6)
                    .containsEntry("suppressed", true).doesNotContainKeys("numerator", "value");
        }
    }

    @Test
    @DisplayName("findings summaries count by category, severity, error type and drug, suppressed beyond the ward")
    void findingsSummaries() {
        Map<String, Object> own = amuToken.get("/api/v1/wards/AMU/findings-summary" + OCTOBER).object();
        assertThat(own).containsEntry("scope", "AMU").containsEntry("level", "ward").containsEntry("chartsAudited", 5)
                .containsEntry("ordersAudited", 8).doesNotContainKey("suppressed");
        Map<String, Object> prescribing = byKey(list(own.get("byCategory")), "key", "prescribing-error");
        assertThat(prescribing).containsEntry("count", 3);
        assertThat(byKey(list(own.get("byDrug")), "key", "methotrexate").get("count")).isNotNull();

        Map<String, Object> site = pharmacist.get("/api/v1/sites/RGH/findings-summary" + OCTOBER).object();
        assertThat(site).containsEntry("level", "site").containsEntry("chartsAudited", 6)
                .containsEntry("suppressed", true);
        assertThat(byKey(list(site.get("byCategory")), "key", "prescribing-error")).containsEntry("suppressed", true)
                .doesNotContainKey("count");

        Map<String, Object> network = networkToken.get("/api/v1/network/findings-summary" + OCTOBER).object();
        assertThat(network).containsEntry("level", "network").containsEntry("chartsAudited", 6);
        assertThat(amuToken.get("/api/v1/network/findings-summary").status()).isEqualTo(403);
        assertThat(amuToken.get("/api/v1/wards/W12/findings-summary").status()).isEqualTo(403);
        assertThat(pharmacist.get("/api/v1/wards/NOWHERE/findings-summary").status()).isEqualTo(404);
    }

    // --- CSV

    @Test
    @DisplayName("a ward's series as CSV: one row per ward × measure × month, every field, the same numbers as JSON")
    void seriesAsCsv() {
        Http.Response json = pharmacist.get("/api/v1/wards/AMU/rates?from=2026-09&to=2026-10");
        Http.Response csv = pharmacist.get("/api/v1/wards/AMU/rates?from=2026-09&to=2026-10", "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"wards-AMU-rates.csv\"");
        List<List<String>> rows = CsvReader.read(csv.body());
        List<String> header = rows.get(0);
        assertThat(header).contains("ward", "measure", "period", "audited", "numerator", "denominator", "value",
                "centre", "lower", "upper", "signals", "annotations", "chartsAudited", "completeness");
        List<Map<String, Object>> series = list(json.object().get("series"));
        assertThat(rows).hasSize(1 + series.size() * 2);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, Object> point = list(byKey(series, "measure", row.get(header.indexOf("measure")))
                    .get("points")).stream().filter(p -> p.get("period").equals(row.get(header.indexOf("period"))))
                    .findFirst().orElseThrow();
            for (String field : List.of("numerator", "denominator", "value", "centre")) {
                Object expected = point.get(field);
                assertThat(row.get(header.indexOf(field))).as(field)
                        .isEqualTo(expected == null ? "" : String.valueOf(expected));
            }
            assertThat(row.get(header.indexOf("ward"))).isEqualTo("AMU");
        }
        assertThat(pharmacist.get("/api/v1/wards/AMU/rates?from=2026-09&to=2026-10&format=csv").body())
                .isEqualTo(csv.body());
    }

    @Test
    @DisplayName("summaries, findings summaries and lists come as CSV too, with a header row")
    void everythingAsCsv() {
        List<List<String>> summary = CsvReader.read(pharmacist.get("/api/v1/summary?format=csv").body());
        assertThat(summary.get(0)).startsWith("period", "basis", "ward");
        assertThat(summary).hasSize(1 + 7 * list(pharmacist.get("/api/v1/measures").json()).size());

        List<List<String>> findings = CsvReader.read(
                pharmacist.get("/api/v1/wards/AMU/findings-summary" + OCTOBER + "&format=csv").body());
        assertThat(findings.get(0)).containsExactly("level", "scope", "from", "to", "basis", "dimension", "key",
                "count", "suppressed");
        assertThat(findings).anySatisfy(row -> assertThat(row).containsSequence("category", "prescribing-error", "3"));

        List<List<String>> wards = CsvReader.read(pharmacist.get("/api/v1/wards", "text/csv").body());
        assertThat(wards.get(0)).startsWith("code", "name", "site", "siteName");
        assertThat(wards).hasSize(8);
        assertThat(wards.get(1)).startsWith("NCH-REHAB", "Rehabilitation Ward", "NCH");
    }

    @Test
    @DisplayName("an unknown format is a 422; FHIR where an answer has no FHIR form is a 406 problem")
    void unknownFormats() {
        Http.Response xml = pharmacist.get("/api/v1/wards/AMU/rates?format=xml");
        assertThat(xml.status()).isEqualTo(422);
        assertThat(xml.errorPointers()).containsExactly("/query/format");
        Http.Response fhir = pharmacist.get("/api/v1/sites/RGH/rates?format=fhir");
        assertThat(fhir.status()).isEqualTo(406);
        assertThat(fhir.header("Content-Type")).startsWith("application/problem+json");
    }

    // --- conditional GET

    @Test
    @DisplayName("an unchanged series answers 304 with no body to its ETag; a new sample changes it")
    void conditionalGet() throws Exception {
        String path = "/api/v1/wards/W14/rates?from=2026-10&to=2026-11";
        Http.Response first = networkToken.get(path);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, max-age=0, must-revalidate");
        assertThat(first.header("Content-Type")).startsWith("application/json");

        HttpResponse<String> again = conditional(path, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        post(chart("W14", "2026-11-02", "[" + PARACETAMOL + "]"));
        HttpResponse<String> changed = conditional(path, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(changed.body()).contains("\"audited\":true");
    }

    @Test
    @DisplayName("CSV answers get their own ETag and 304 too")
    void conditionalCsv() throws Exception {
        Http.Response csv = pharmacist.get("/api/v1/sites?format=csv");
        assertThat(csv.header("ETag")).isNotNull().isNotEqualTo(pharmacist.get("/api/v1/sites").header("ETag"));
    }

    private HttpResponse<String> conditional(String path, String etag) throws Exception {
        String secret = tokens.create(new TokenRequests.NewToken("conditional-" + System.nanoTime(), "read", null),
                "test").secret();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + secret).header("Accept", "application/json")
                .header("If-None-Match", etag).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // --- paging

    @Test
    @DisplayName("lists page with page and size, in a stable order, with X-Total-Count and Link headers")
    void paging() {
        List<Object> all = new ArrayList<>();
        String next = "/api/v1/wards?size=3";
        int pages = 0;
        while (next != null) {
            Http.Response page = pharmacist.get(next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo("7");
            list(page.json()).forEach(ward -> all.add(ward.get("code")));
            next = next(page.header("Link"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).containsExactly("NCH-REHAB", "NCH-STROKE", "AMU", "ICU", "SAU", "W12", "W14");
        assertThat(list(pharmacist.get("/api/v1/wards").json())).hasSize(7);
        assertThat(list(pharmacist.get("/api/v1/measures?page=5").json())).isEmpty();
    }

    @Test
    @DisplayName("a bad page or size is a 422 naming the parameter")
    void badPaging() {
        Http.Response response = pharmacist.get("/api/v1/sites?page=-1&size=100000");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorPointers()).containsExactlyInAnyOrder("/query/page", "/query/size");
    }

    private static String next(String link) {
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
            }
        }
        return null;
    }
}
