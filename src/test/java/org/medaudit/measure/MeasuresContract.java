package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.finding.FindingSummaries;
import org.medaudit.finding.FindingSummary;
import org.medaudit.finding.FindingSummary.Tally;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.ward.WardDirectory;

/**
 * The measures beyond the prescribing-error rate, both bases, and the site and network roll-ups, over HTTP, checked
 * against counts worked out by hand from the charts posted here (findings as the rule library raises them).
 *
 * <p>October 2026, ward AMU (site RGH):
 * <ul>
 *   <li>Chart A: 2 orders. Methotrexate 10 mg daily ("10mg daily"): HRM-001 (prescribing error, potentially
 *       lethal; a high-risk-medicine error) and HRM-006 (documentation: no day of the week). Co-careldopa dose
 *       omitted with no reason: OMD-001. Pre-admission: warfarin not on the chart, no change documented
 *       (unreconciled); amlodipine on the chart; ramipril stopped with the change documented (reconciled);
 *       simvastatin with no on-chart answer (not judged). Allergy status none-known.</li>
 *   <li>Chart B: 1 order, amoxicillin unsigned with no indication or review date: DOC-005 (documentation), AMS-001
 *       and AMS-002 (policy compliance). No patient part. A pharmacist adds a documentation finding (manual).</li>
 *   <li>Chart C: 2 orders. Ibuprofen with eGFR 25: REN-001 (prescribing error, serious), which a pharmacist
 *       overrides. No allergy status: ALG-001 (documentation).</li>
 * </ul>
 * Ward W12 (RGH): one chart in September and one in October, paracetamol only, no findings. Ward NCH-REHAB (site
 * NCH): one chart in October, 1 order, methotrexate daily without dose text: HRM-001 only. HRM-001 findings are
 * confirmed by a pharmacist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeasuresContract implements TestPropertyProvider {

    private static final String SIGNED = "\"route\": \"oral\", \"signed\": true";
    private static final String PARACETAMOL = """
            {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %s}""".formatted(SIGNED);
    private static final String RANGE = "?from=2026-09&to=2026-10";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @Inject
    DataSource dataSource;

    @Inject
    FindingSummaries summaries;

    @Inject
    WardDirectory wards;

    Http http;

    /**
     * These tests check roll-ups summed from a handful of charts, so small-number suppression (specified in
     * ServiceApiTest) is turned off here: a minimum of 1 hides nothing.
     */
    static Map<String, String> unsuppressed(Map<String, String> database) {
        Map<String, String> properties = new java.util.HashMap<>(database);
        properties.put("medaudit.disclosure.minimum-count", "1");
        return properties;
    }

    @BeforeAll
    void audit() {
        http = People.pharmacist(server, users);
        post("""
                {"ward": "AMU", "auditDate": "2026-10-05",
                 "patient": {"ageYears": 50, "sex": "F", "allergyStatus": "none-known"},
                 "preAdmissionMedicines": [
                   {"drug": "warfarin", "dose": 3, "unit": "mg", "route": "oral", "frequency": "once-daily",
                    "onChart": false, "changeDocumented": false},
                   {"drug": "amlodipine", "dose": 5, "unit": "mg", "route": "oral", "frequency": "once-daily",
                    "onChart": true},
                   {"drug": "ramipril", "dose": 5, "unit": "mg", "route": "oral", "frequency": "once-daily",
                    "onChart": false, "changeDocumented": true},
                   {"drug": "simvastatin", "dose": 40, "unit": "mg", "route": "oral", "frequency": "nocte"}],
                 "orders": [
                   {"drug": "methotrexate", "dose": 10, "unit": "mg", "doseText": "10mg daily",
                    "frequency": "once-daily", %1$s},
                   {"drug": "amlodipine", "dose": 5, "unit": "mg", "frequency": "once-daily", %1$s}],
                 "omittedDoses": [{"drug": "co-careldopa", "reasonCode": "none-recorded"}]}""".formatted(SIGNED));
        post("""
                {"ward": "AMU", "auditDate": "2026-10-12",
                 "orders": [{"drug": "amoxicillin", "dose": 500, "unit": "mg", "route": "oral",
                             "frequency": "three-times-daily", "signed": false}]}""");
        post("""
                {"ward": "AMU", "auditDate": "2026-10-20", "patient": {"ageYears": 60, "egfr": 25},
                 "orders": [{"drug": "ibuprofen", "dose": 400, "unit": "mg", "frequency": "three-times-daily", %s},
                            %s]}""".formatted(SIGNED, PARACETAMOL));
        post("""
                {"ward": "W12", "auditDate": "2026-09-15", "patient": {"allergyStatus": "none-known"},
                 "orders": [%s]}""".formatted(PARACETAMOL));
        post("""
                {"ward": "W12", "auditDate": "2026-10-08", "patient": {"allergyStatus": "none-known"},
                 "orders": [%s]}""".formatted(PARACETAMOL));
        post("""
                {"ward": "NCH-REHAB", "auditDate": "2026-10-09", "patient": {"allergyStatus": "none-known"},
                 "orders": [{"drug": "methotrexate", "dose": 10, "unit": "mg", "frequency": "once-daily", %s}]}"""
                .formatted(SIGNED));
        // The reviews, made in the database as the review screens will make them.
        sql("UPDATE finding SET status = 'confirmed' WHERE rule_id = 'HRM-001'",
                "UPDATE finding SET status = 'overridden' WHERE rule_id = 'REN-001'",
                """
                INSERT INTO finding (id, sample_id, position, rule_id, rule_name, category, error_type, severity,
                                     source, message, drug, order_index, status, rule_book_version, created_at)
                SELECT 'manual-documentation', sample_id, 99, NULL, NULL, 'documentation', 'incomplete-order',
                       'minor', NULL, 'Added by the pharmacist', drug, order_index, 'manual', NULL, created_at
                FROM finding WHERE rule_id = 'DOC-005'""");
    }

    @Test
    @DisplayName("AMU in October, reviewed findings: each measure's numerator and denominator as worked out by hand")
    void newMeasuresReviewed() {
        Map<String, Map<String, Object>> october = october("/api/v1/wards/AMU/rates" + RANGE);
        // HRM-001 confirmed counts; REN-001 overridden does not: 1 error in 5 orders.
        assertPoint(october, "prescribing-errors-per-100-orders", 1, 5, 20.0);
        assertPoint(october, "charts-with-prescribing-error", 1, 3, 33.33);
        // Chart A (HRM-001, potentially lethal); chart C's serious REN-001 was overridden.
        assertPoint(october, "charts-with-serious-prescribing-error", 1, 3, 33.33);
        // HRM-001 only: HRM-006 is documentation, REN-001 is not a high-risk-medicines rule.
        assertPoint(october, "high-risk-medicine-errors-per-100-orders", 1, 5, 20.0);
        assertPoint(october, "omitted-critical-doses-per-100-charts", 1, 3, 33.33);
        // DOC-005, ALG-001, HRM-006 and the pharmacist's own: 4 in 5 orders; never counted as prescribing errors.
        assertPoint(october, "documentation-findings-per-100-orders", 4, 5, 80.0);
        assertPoint(october, "policy-compliance-findings-per-100-charts", 2, 3, 66.67);
        // Warfarin of warfarin, amlodipine and ramipril; simvastatin's place on the chart was not recorded.
        assertPoint(october, "unreconciled-pre-admission-medicines", 1, 3, 33.33);
        // Charts A and C have a patient part; only A has an allergy status.
        assertPoint(october, "allergy-status-documented", 1, 2, 50.0);
        // No admission recorded on any chart: nothing to judge, so no value (not zero).
        assertThat(october.get("reconciled-within-24h")).containsEntry("numerator", 0)
                .containsEntry("denominator", 0).doesNotContainKey("value");
    }

    @Test
    @DisplayName("the findings summary of AMU in October agrees with the rates, category by category, on each basis")
    void findingsSummaryAgreesWithTheRates() {
        List<Long> amu = List.of(wards.ward("AMU").orElseThrow().id());
        YearMonth october = YearMonth.of(2026, 10);

        FindingSummary reviewed = summaries.summarise(amu, october, october, Basis.REVIEWED);
        assertThat(reviewed.chartsAudited()).isEqualTo(3);
        assertThat(reviewed.ordersAudited()).isEqualTo(5);
        assertThat(reviewed.byCategory()).contains(new Tally("prescribing-error", 1), new Tally("documentation", 4),
                new Tally("policy-compliance", 2), new Tally("omitted-dose", 1));
        assertThat(reviewed.byCategory().stream().mapToLong(Tally::count).sum()).isEqualTo(reviewed.findings());
        // The confirmed methotrexate error counts; the overridden NSAID one does not.
        assertThat(reviewed.byErrorType()).extracting(Tally::key).doesNotContain("contraindication");
        assertThat(reviewed.byDrug()).extracting(Tally::key).contains("methotrexate").doesNotContain("ibuprofen");
        assertThat(reviewed.byCategory()).isSortedAccordingTo(
                java.util.Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::key));

        FindingSummary flagged = summaries.summarise(amu, october, october, Basis.FLAGGED);
        assertThat(flagged.byCategory()).contains(new Tally("prescribing-error", 2), new Tally("documentation", 3));
        assertThat(flagged.byDrug()).extracting(Tally::key).contains("ibuprofen");

        FindingSummary september = summaries.summarise(amu, october.minusMonths(1), october.minusMonths(1),
                Basis.REVIEWED);
        assertThat(september.chartsAudited()).isZero();
        assertThat(september.findings()).isZero();
        assertThat(september.byCategory()).isEmpty();
    }

    @Test
    @DisplayName("basis=flagged counts what the rules raised, whatever the review, and not the pharmacist's own")
    void flaggedBasis() {
        Map<String, Map<String, Object>> october = october("/api/v1/wards/AMU/rates" + RANGE + "&basis=flagged");
        // REN-001 counts again (it was flagged); HRM-001 counts as it did.
        assertPoint(october, "prescribing-errors-per-100-orders", 2, 5, 40.0);
        assertPoint(october, "charts-with-prescribing-error", 2, 3, 66.67);
        assertPoint(october, "charts-with-serious-prescribing-error", 2, 3, 66.67);
        // The manual documentation finding is not a rule's: 3 in 5 orders.
        assertPoint(october, "documentation-findings-per-100-orders", 3, 5, 60.0);
        // Counts from the chart as entered do not depend on the basis.
        assertPoint(october, "unreconciled-pre-admission-medicines", 1, 3, 33.33);
        assertPoint(october, "allergy-status-documented", 1, 2, 50.0);
        assertThat(http.get("/api/v1/wards/AMU/rates" + RANGE + "&basis=flagged").object())
                .containsEntry("basis", "flagged");
    }

    @Test
    @DisplayName("an unknown basis is refused with 422 naming the parameter, with any other bad parameter")
    void unknownBasis() {
        Http.Response response = http.get("/api/v1/wards/AMU/rates?from=2026-13&basis=everything");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorPointers()).containsExactlyInAnyOrder("/query/from", "/query/basis");
    }

    @Test
    @DisplayName("completeness: charts audited against 20 a ward a month, with months not audited at 0%")
    void wardCompleteness() {
        List<Map<String, Object>> points = points(series("/api/v1/wards/AMU/rates" + RANGE,
                "prescribing-errors-per-100-orders"));

        assertThat(points.get(0)).containsEntry("period", "2026-09").containsEntry("audited", false)
                .containsEntry("chartsAudited", 0).containsEntry("chartsTarget", 20)
                .containsEntry("annotations", List.of())
                .doesNotContainKeys("numerator", "denominator", "value", "centre");
        assertThat((Double) points.get(0).get("completeness")).isEqualTo(0.0);
        // 3 of 20.
        assertThat(points.get(1)).containsEntry("chartsAudited", 3).containsEntry("chartsTarget", 20);
        assertThat((Double) points.get(1).get("completeness")).isCloseTo(15.0, within(0.001));
    }

    @Test
    @DisplayName("the site roll-up sums its wards: RGH in October is AMU's 3 charts and W12's 1, of 5 wards × 20")
    void siteRollUp() {
        Http.Response response = http.get("/api/v1/sites/RGH/rates" + RANGE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.object()).containsEntry("ward", "RGH").containsEntry("level", "site")
                .containsEntry("basis", "reviewed");
        Map<String, Object> series = series("/api/v1/sites/RGH/rates" + RANGE, "prescribing-errors-per-100-orders");
        assertThat(series).containsEntry("ward", "RGH").containsEntry("chart", "u");
        List<Map<String, Object>> points = points(series);
        // September: W12's chart alone, 1 of 100.
        assertThat(points.get(0)).containsEntry("audited", true).containsEntry("numerator", 0)
                .containsEntry("denominator", 1).containsEntry("chartsAudited", 1).containsEntry("chartsTarget", 100);
        assertThat((Double) points.get(0).get("completeness")).isCloseTo(1.0, within(0.001));
        // October: 1 error in 5 + 1 orders; 4 charts of 100.
        assertThat(points.get(1)).containsEntry("numerator", 1).containsEntry("denominator", 6)
                .containsEntry("chartsAudited", 4);
        assertThat((Double) points.get(1).get("value")).isCloseTo(16.67, within(0.001));
        assertThat((Double) points.get(1).get("completeness")).isCloseTo(4.0, within(0.001));
    }

    @Test
    @DisplayName("the network roll-up sums every ward: October is 5 charts and 7 orders, of 7 wards × 20")
    void networkRollUp() {
        Map<String, Map<String, Object>> october = october("/api/v1/network/rates" + RANGE);
        // HRM-001 on AMU and on NCH-REHAB.
        assertPoint(october, "prescribing-errors-per-100-orders", 2, 7, 28.57);
        assertPoint(october, "high-risk-medicine-errors-per-100-orders", 2, 7, 28.57);
        assertThat(october.get("prescribing-errors-per-100-orders")).containsEntry("chartsAudited", 5)
                .containsEntry("chartsTarget", 140);
        // 5 / 140 = 3.571 %
        assertThat((Double) october.get("prescribing-errors-per-100-orders").get("completeness"))
                .isCloseTo(3.57, within(0.001));
        assertThat(http.get("/api/v1/network/rates" + RANGE).object()).containsEntry("ward", "network")
                .containsEntry("level", "network");
    }

    @Test
    @DisplayName("a site roll-up needs a scope covering the whole site; the network is for unscoped callers only")
    void rollUpScoping() {
        Http amuOnly = People.signedIn(server, users, "amu-nurse", List.of(Roles.WARD),
                new Scope(Set.of(), Set.of("AMU")));
        Http rghSite = People.signedIn(server, users, "rgh-lead", List.of(Roles.WARD),
                new Scope(Set.of("RGH"), Set.of()));
        Http everyRghWard = People.signedIn(server, users, "rgh-wards", List.of(Roles.WARD),
                new Scope(Set.of(), Set.of("AMU", "W12", "W14", "SAU", "ICU")));
        Http bothSites = People.signedIn(server, users, "both-sites", List.of(Roles.WARD),
                new Scope(Set.of("RGH", "NCH"), Set.of()));
        Http nchToken = Http.withToken(server.getURI(), tokens.create(new TokenRequests.NewToken("nch-dashboard",
                "read", new Scope(Set.of("NCH"), Set.of())), "test").secret());
        Http networkToken = Http.withToken(server.getURI(), tokens.create(new TokenRequests.NewToken(
                "network-dashboard", "read", null), "test").secret());

        assertThat(amuOnly.get("/api/v1/wards/AMU/rates").status()).isEqualTo(200);
        assertThat(amuOnly.get("/api/v1/sites/RGH/rates").status()).isEqualTo(403);
        assertThat(rghSite.get("/api/v1/sites/RGH/rates").status()).isEqualTo(200);
        assertThat(rghSite.get("/api/v1/sites/NCH/rates").status()).isEqualTo(403);
        assertThat(everyRghWard.get("/api/v1/sites/RGH/rates").status()).isEqualTo(200);
        assertThat(nchToken.get("/api/v1/sites/NCH/rates").status()).isEqualTo(200);
        assertThat(nchToken.get("/api/v1/sites/RGH/rates").status()).isEqualTo(403);
        for (Http scoped : List.of(amuOnly, rghSite, everyRghWard, bothSites, nchToken)) {
            assertThat(scoped.get("/api/v1/network/rates").status()).isEqualTo(403);
        }
        assertThat(networkToken.get("/api/v1/network/rates").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/network/rates").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/sites/NOWHERE/rates").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("every measure document says who owns it, when it is reviewed and which finding statuses count")
    void measuresAreDocumented() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measures = (List<Map<String, Object>>) http.get("/api/v1/measures").json();

        assertThat(measures).extracting(m -> m.get("id")).containsExactlyInAnyOrder("allergy-status-documented",
                "charts-with-prescribing-error", "charts-with-serious-prescribing-error",
                "documentation-findings-per-100-orders", "high-risk-medicine-errors-per-100-orders",
                "omitted-critical-doses-per-100-charts", "policy-compliance-findings-per-100-charts",
                "prescribing-errors-per-100-orders", "reconciled-within-24h", "unreconciled-pre-admission-medicines");
        assertThat(measures).allSatisfy(m -> assertThat(m).containsKeys("owner", "dateReviewed", "nextReview",
                "findingStatuses"));
    }

    private void post(String chart) {
        Http.Response response = http.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void sql(String... statements) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertPoint(Map<String, Map<String, Object>> byMeasure, String measure, long numerator,
            long denominator, double value) {
        Map<String, Object> point = byMeasure.get(measure);
        assertThat(point).as(measure).containsEntry("audited", true)
                .containsEntry("numerator", (int) numerator).containsEntry("denominator", (int) denominator);
        assertThat((Double) point.get("value")).as(measure).isCloseTo(value, within(0.001));
    }

    /** Each measure's October point. */
    private Map<String, Map<String, Object>> october(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) response.object().get("series");
        return series.stream().collect(Collectors.toMap(s -> (String) s.get("measure"),
                s -> points(s).stream().filter(p -> "2026-10".equals(p.get("period"))).findFirst().orElseThrow()));
    }

    private Map<String, Object> series(String path, String measure) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) response.object().get("series");
        return series.stream().filter(s -> measure.equals(s.get("measure"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> series) {
        return (List<Map<String, Object>>) series.get("points");
    }
}
