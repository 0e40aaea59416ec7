package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;

/**
 * The rule catalogue over HTTP: every rule of the serving rule book with its metadata, and its findings counted
 * by hand from the charts posted here. Reviews do not have endpoints yet, so the test sets the review status of
 * each finding in the database, as a pharmacist's review will.
 *
 * <p>Ward W12, oral methotrexate once daily on every chart, so each chart has one HRM-001 finding:
 * <ul>
 *   <li>June 2026, chart E: overridden.</li>
 *   <li>July: nothing audited.</li>
 *   <li>August, chart A: confirmed; chart B: overridden.</li>
 *   <li>September, chart C: confirmed.</li>
 *   <li>October, chart D: still flagged (not reviewed).</li>
 * </ul>
 * August to October: fired 4, confirmed 2, overridden 1, unreviewed 1, precision 2 / (2 + 1) = 0.667 (D is not in
 * the denominator). August alone: 1 / (1 + 1) = 0.5. October alone: no review, so no precision. June to October:
 * 2 / (2 + 2) = 0.5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuleCatalogueContract implements TestPropertyProvider {

    private static final String METHOTREXATE_DAILY = """
            [{"drug": "methotrexate", "dose": 10, "unit": "mg", "route": "oral", "frequency": "once-daily",
              "signed": true}]""";
    private static final String NAPROXEN = """
            [{"drug": "naproxen", "dose": 250, "unit": "mg", "route": "oral", "frequency": "twice-daily",
              "signed": true}]""";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @Inject
    DataSource dataSource;

    @Inject
    RuleBookService ruleBooks;

    Http pharmacist;

    @BeforeAll
    void auditW12() {
        pharmacist = People.pharmacist(server, users);
        review(post("2026-06-15", METHOTREXATE_DAILY), "overridden");
        review(post("2026-08-03", METHOTREXATE_DAILY), "confirmed");
        review(post("2026-08-20", METHOTREXATE_DAILY), "overridden");
        review(post("2026-09-07", METHOTREXATE_DAILY), "confirmed");
        post("2026-10-14", METHOTREXATE_DAILY);
        // For the default period: naproxen with eGFR 30 (REN-001) today, and thirteen months ago (outside it).
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        postWithEgfr(today, NAPROXEN);
        postWithEgfr(YearMonth.from(today).minusMonths(12).atDay(1), NAPROXEN);
    }

    @Test
    @DisplayName("the catalogue lists every rule of the serving rule book, by id, with all its metadata")
    void catalogueListsEveryRule() {
        List<Map<String, Object>> rules = list("/api/v1/rules");

        List<RuleInfo> serving = ruleBooks.current().rules();
        assertThat(serving).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rules).extracting(rule -> rule.get("id"))
                .containsExactlyElementsOf(serving.stream().map(RuleInfo::id).toList())
                .isSortedAccordingTo(Comparator.comparing(String::valueOf))
                .doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule).containsKeys("name", "ruleSet", "category", "errorType", "severity", "source",
                    "activity");
            assertThat(Taxonomy.CATEGORIES).contains((String) rule.get("category"));
            assertThat(Taxonomy.ERROR_TYPES).contains((String) rule.get("errorType"));
            assertThat(Taxonomy.SEVERITIES).contains((String) rule.get("severity"));
        });
        assertThat(rule(rules, "HRM-001"))
                .containsEntry("name", "Oral methotrexate prescribed more often than weekly")
                .containsEntry("ruleSet", "high-risk-medicines").containsEntry("category", "prescribing-error")
                .containsEntry("errorType", "wrong-frequency").containsEntry("severity", "potentially-lethal")
                .containsEntry("source",
                        "NPSA Patient Safety Alert 2006: Improving compliance with oral methotrexate guidelines");
    }

    @Test
    @DisplayName("August to October: HRM-001 fired 4 times, 2 confirmed, 1 overridden, 1 unreviewed: precision 2/3")
    void countsAndPrecisionOverAPeriod() {
        Map<String, Object> activity = activity(rule(list("/api/v1/rules?from=2026-08&to=2026-10"), "HRM-001"));

        assertThat(activity).containsEntry("from", "2026-08").containsEntry("to", "2026-10")
                .containsEntry("fired", 4).containsEntry("confirmed", 2).containsEntry("overridden", 1)
                .containsEntry("unreviewed", 1);
        assertThat((Double) activity.get("precision")).isCloseTo(0.6667, within(0.0001));
    }

    @Test
    @DisplayName("the period filter counts only charts audited in its months")
    void periodFilter() {
        Map<String, Object> august = activity(one("/api/v1/rules/HRM-001?from=2026-08&to=2026-08"));
        assertThat(august).containsEntry("fired", 2).containsEntry("confirmed", 1).containsEntry("overridden", 1)
                .containsEntry("unreviewed", 0).containsEntry("precision", 0.5);

        Map<String, Object> juneToOctober = activity(one("/api/v1/rules/HRM-001?from=2026-06&to=2026-10"));
        assertThat(juneToOctober).containsEntry("fired", 5).containsEntry("confirmed", 2)
                .containsEntry("overridden", 2).containsEntry("precision", 0.5);

        Map<String, Object> july = activity(one("/api/v1/rules/HRM-001?from=2026-07&to=2026-07"));
        assertThat(july).containsEntry("fired", 0).doesNotContainKey("precision");
    }

    @Test
    @DisplayName("with no reviewed finding there is no precision, not 0 or 1")
    void noReviewsNoPrecision() {
        Map<String, Object> october = activity(one("/api/v1/rules/HRM-001?from=2026-10&to=2026-10"));

        assertThat(october).containsEntry("fired", 1).containsEntry("unreviewed", 1)
                .containsEntry("confirmed", 0).containsEntry("overridden", 0).doesNotContainKey("precision");
    }

    @Test
    @DisplayName("by default the period is the twelve months up to this one")
    void defaultPeriodIsTheLastTwelveMonths() {
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Europe/London"));

        Map<String, Object> activity = activity(one("/api/v1/rules/REN-001"));

        assertThat(activity).containsEntry("from", thisMonth.minusMonths(11).toString())
                .containsEntry("to", thisMonth.toString()).containsEntry("fired", 1);
    }

    @Test
    @DisplayName("an unknown rule is 404, and a malformed or reversed period is 422 naming the parameter")
    void badRequests() {
        assertThat(pharmacist.get("/api/v1/rules/NO-SUCH-RULE").status()).isEqualTo(404);
        Http.Response badMonth = pharmacist.get("/api/v1/rules?from=2026-13");
        assertThat(badMonth.status()).isEqualTo(422);
        assertThat(badMonth.errorPointers()).containsExactly("/query/from");
        assertThat(pharmacist.get("/api/v1/rules?from=2026-10&to=2026-08").errorPointers())
                .containsExactly("/query/from");
        assertThat(pharmacist.get("/api/v1/rules/HRM-001?to=October").errorPointers())
                .containsExactly("/query/to");
    }

    @Test
    @DisplayName("a read token sees the catalogue and the rule-book versions, the serving one marked")
    void serviceReadsCatalogueAndVersions() {
        Http service = Http.withToken(server.getURI(),
                tokens.create(new TokenRequests.NewToken("catalogue-reader", "read", null), "test").secret());

        assertThat(service.get("/api/v1/rules").status()).isEqualTo(200);
        Http.Response versions = service.get("/api/v1/rule-books");
        assertThat(versions.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) versions.json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).containsEntry("version", ruleBooks.current().version())
                .containsEntry("ruleCount", ruleBooks.current().rules().size()).containsEntry("serving", true)
                .containsKey("builtAt");
    }

    @Test
    @DisplayName("the page shows the rules of one rule set with counts and precision, and states the denominator")
    void pageFiltersByRuleSet() {
        Http.Response page = pharmacist.get("/rules?ruleSet=high-risk-medicines&from=2026-08&to=2026-10",
                Http.BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rule-HRM-001\"", "67% (2 of 3)", "not enough reviews",
                "not yet reviewed are not in the denominator", ruleBooks.current().version())
                .doesNotContain("id=\"rule-REN-001\"")
                // Pharmacists read the catalogue; only admins reload.
                .doesNotContain("action=\"/rules/reload\"");
        assertThat(page.body().indexOf("rule-HRM-001")).isLessThan(page.body().indexOf("rule-HRM-002"));
    }

    @Test
    @DisplayName("an admin's page has the reload form with its CSRF field; a malformed month comes back with 422")
    void adminPage() {
        Http admin = People.signedIn(server, users, "rules-admin", List.of(Roles.ADMIN), Scope.NONE);

        Http.Response page = admin.get("/rules", Http.BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/rules/reload\"", "name=\"_csrf\"", "id=\"rule-REN-001\"");

        Http.Response refused = admin.get("/rules?from=last-year", Http.BROWSER_ACCEPT);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#from\"", "Must be a month written YYYY-MM",
                "value=\"last-year\"");
    }

    // ---- helpers ----

    private String post(String auditDate, String orders) {
        Http.Response response = pharmacist.postJson("/api/v1/samples", Charts.minimal("W12", auditDate, orders));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return (String) response.object().get("id");
    }

    private void postWithEgfr(LocalDate auditDate, String orders) {
        Http.Response response = pharmacist.postJson("/api/v1/samples", """
                {"ward": "W12", "auditDate": "%s", "patient": {"egfr": 30}, "orders": %s}"""
                .formatted(auditDate, orders));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** Sets the review status of the sample's HRM-001 finding, as a pharmacist's review will. */
    private void review(String sampleId, String status) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE finding SET status = ? WHERE sample_id = ? AND rule_id = 'HRM-001'")) {
            update.setString(1, status);
            update.setString(2, sampleId);
            assertThat(update.executeUpdate()).as("HRM-001 findings of sample " + sampleId).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path) {
        Http.Response response = pharmacist.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json();
    }

    private Map<String, Object> one(String path) {
        Http.Response response = pharmacist.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.object();
    }

    private static Map<String, Object> rule(List<Map<String, Object>> rules, String id) {
        return rules.stream().filter(rule -> id.equals(rule.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activity(Map<String, Object> rule) {
        return (Map<String, Object>) rule.get("activity");
    }
}
