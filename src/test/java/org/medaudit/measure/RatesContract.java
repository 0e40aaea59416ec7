package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;

/**
 * A ward's rates over HTTP, checked against counts worked out by hand from the charts posted here.
 *
 * <p>Ward W14, August to October 2026:
 * <ul>
 *   <li>August, chart A: methotrexate daily (1 prescribing error) and paracetamol 1 g four times a day (none);
 *       admitted 1 Aug 10:00, reconciled 20:00 the same day (in time).</li>
 *   <li>August, chart B: amoxicillin, unsigned (a documentation finding, not a prescribing error); admitted
 *       18 Aug 08:00, reconciled 19 Aug 12:00 (28 hours: late).</li>
 *   <li>September: nothing audited.</li>
 *   <li>October, chart C: ibuprofen with eGFR 30 (1 prescribing error) and atorvastatin (none); admitted on the
 *       audit day and not yet reconciled (not yet judged).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RatesContract implements TestPropertyProvider {

    private static final String COMPLETE = "\"route\": \"oral\", \"signed\": true";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    Http http;

    @BeforeAll
    void auditW14() {
        http = People.pharmacist(server, users);
        post("""
                {"ward": "W14", "auditDate": "2026-08-03",
                 "patient": {"allergyStatus": "none-known"},
                 "admission": {"admittedAt": "2026-08-01T10:00", "reconciliationCompletedAt": "2026-08-01T20:00"},
                 "orders": [
                   {"drug": "methotrexate", "dose": 10, "unit": "mg", "frequency": "once-daily", %1$s},
                   {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %1$s}]}"""
                .formatted(COMPLETE));
        post("""
                {"ward": "W14", "auditDate": "2026-08-20",
                 "patient": {"allergyStatus": "none-known"},
                 "admission": {"admittedAt": "2026-08-18T08:00", "reconciliationCompletedAt": "2026-08-19T12:00"},
                 "orders": [{"drug": "amoxicillin", "dose": 500, "unit": "mg", "route": "oral",
                             "frequency": "three-times-daily", "indication": "community-acquired pneumonia",
                             "reviewDate": "2026-08-25", "signed": false}]}""");
        post("""
                {"ward": "W14", "auditDate": "2026-10-14",
                 "patient": {"allergyStatus": "none-known", "egfr": 30},
                 "admission": {"admittedAt": "2026-10-14T09:00"},
                 "orders": [
                   {"drug": "ibuprofen", "dose": 400, "unit": "mg", "frequency": "three-times-daily", %1$s},
                   {"drug": "atorvastatin", "dose": 20, "unit": "mg", "frequency": "nocte", %1$s}]}"""
                .formatted(COMPLETE));
    }

    private void post(String chart) {
        Http.Response response = http.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("every month in the range is listed; a month not audited is a gap, never zero")
    void monthNotAuditedIsAGap() {
        for (Map<String, Object> series : series()) {
            List<Map<String, Object>> points = points(series);
            assertThat(points).extracting(p -> p.get("period")).containsExactly("2026-07", "2026-08", "2026-09",
                    "2026-10");
            for (Map<String, Object> gap : List.of(points.get(0), points.get(2))) {
                assertThat(gap).containsEntry("audited", false).containsEntry("chartsAudited", 0)
                        .doesNotContainKeys("numerator", "denominator", "value", "centre", "lower", "upper");
            }
        }
    }

    @Test
    @DisplayName("prescribing errors per 100 orders: 1 in 3 orders in August, 1 in 2 in October, on a u chart")
    void prescribingErrorsPer100Orders() {
        Map<String, Object> series = series("prescribing-errors-per-100-orders");
        assertThat(series).containsEntry("ward", "W14").containsEntry("chart", "u").containsEntry("per", 100)
                .containsEntry("improvement", "decrease").containsEntry("ruleProfile", "nhs-mdc");
        Map<String, Object> august = points(series).get(1);
        assertThat(august).containsEntry("audited", true).containsEntry("numerator", 1)
                .containsEntry("denominator", 3);
        assertThat((Double) august.get("value")).isCloseTo(33.33, within(0.01));
        // u-bar = (1 + 1) / (3 + 2) = 0.4; August: 0.4 + 3 * sqrt(0.4 / 3) = 1.4954, lower 0.4 - 1.0954 < 0 -> 0
        assertThat((Double) august.get("centre")).isCloseTo(40.0, within(0.01));
        assertThat((Double) august.get("upper")).isCloseTo(149.54, within(0.01));
        assertThat((Double) august.get("lower")).isEqualTo(0.0);
        assertThat(august).containsEntry("signals", List.of()).containsEntry("annotations", List.of());
        Map<String, Object> october = points(series).get(3);
        assertThat(october).containsEntry("numerator", 1).containsEntry("denominator", 2);
        assertThat((Double) october.get("value")).isCloseTo(50.0, within(0.01));
        // October: 0.4 + 3 * sqrt(0.4 / 2) = 1.7416
        assertThat((Double) october.get("upper")).isCloseTo(174.16, within(0.01));
    }

    @Test
    @DisplayName("documentation findings (an unsigned order) never count as prescribing errors")
    void chartsWithAPrescribingError() {
        Map<String, Object> august = points(series("charts-with-prescribing-error")).get(1);

        assertThat(august).containsEntry("numerator", 1).containsEntry("denominator", 2);
        assertThat((Double) august.get("value")).isCloseTo(50.0, within(0.01));
    }

    @Test
    @DisplayName("reconciled within 24 hours: 1 of 2 in August; October's chart is not yet due, so no value")
    void reconciledWithin24Hours() {
        List<Map<String, Object>> points = points(series("reconciled-within-24h"));

        assertThat(points.get(1)).containsEntry("numerator", 1).containsEntry("denominator", 2);
        assertThat((Double) points.get(1).get("value")).isCloseTo(50.0, within(0.01));
        assertThat(points.get(3)).containsEntry("audited", true).containsEntry("numerator", 0)
                .containsEntry("denominator", 0).doesNotContainKey("value");
    }

    @Test
    @DisplayName("an unknown ward is 404 and a malformed month is 422 naming the parameter")
    void badRequests() {
        assertThat(http.get("/api/v1/wards/NOWHERE/rates").status()).isEqualTo(404);
        Http.Response badMonth = http.get("/api/v1/wards/W14/rates?from=2026-13&to=2026-10");
        assertThat(badMonth.status()).isEqualTo(422);
        assertThat(badMonth.errorPointers()).containsExactly("/query/from");
        assertThat(http.get("/api/v1/wards/W14/rates?from=2026-10&to=2026-08").errorPointers())
                .containsExactly("/query/from");
    }

    @Test
    @DisplayName("the measures are listed with their definitions")
    void measuresAreListed() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measures = (List<Map<String, Object>>) http.get("/api/v1/measures").json();

        assertThat(measures).extracting(m -> m.get("id")).contains("prescribing-errors-per-100-orders",
                "charts-with-prescribing-error", "reconciled-within-24h");
        assertThat(measures).allSatisfy(m -> assertThat(m).containsKeys("title", "whyItMatters", "numerator",
                "denominator", "per", "improvement", "chart", "source"));
    }

    private List<Map<String, Object>> series() {
        Http.Response response = http.get("/api/v1/wards/W14/rates?from=2026-07&to=2026-10");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) response.object().get("series");
        return series;
    }

    private Map<String, Object> series(String measure) {
        return series().stream().filter(s -> measure.equals(s.get("measure"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> series) {
        return (List<Map<String, Object>>) series.get("points");
    }
}
