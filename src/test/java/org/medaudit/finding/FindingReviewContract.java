package org.medaudit.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;

/**
 * The pharmacist's review of findings, through the review page's forms and through the API: confirming, overriding
 * with a coded reason and adding a missed finding change the finding's status, the rates and the audit trail. Each
 * database (SQLite, PostgreSQL) runs the same specification through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that TestPropertyProvider runs before the context starts
abstract class FindingReviewContract implements TestPropertyProvider {

    /**
     * Two orders on ICU: oral methotrexate daily (HRM-001, a prescribing error) and paracetamol. Each ward-month
     * below gets charts of its own, so each test reads its own rates.
     */
    static String twoOrders(String auditDate) {
        return Charts.minimal("ICU", auditDate, """
                [{"drug": "methotrexate", "dose": 10, "unit": "mg", "route": "oral", "frequency": "once-daily",
                  "indication": "rheumatoid arthritis", "signed": true},
                 {"drug": "paracetamol", "dose": 1, "unit": "g", "route": "oral", "frequency": "four-times-daily",
                  "indication": "pain", "signed": true}]""");
    }

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    Http pharmacist;
    Http admin;

    @BeforeAll
    void signIn() {
        pharmacist = People.pharmacist(server, users);
        admin = People.signedIn(server, users, "review-admin", List.of(Roles.ADMIN), Scope.NONE);
    }

    @Test
    @DisplayName("overriding a prescribing error through the API lowers prescribing errors per 100 orders at once")
    void overrideLowersTheRate() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-03-10")).object();
        double before = errorsPer100Orders("2026-03");
        String hrm = findingId(sample, "HRM-001");

        Http.Response response = pharmacist.postJson(findingUrl(sample, hrm) + "/override",
                "{\"reason\": \"clinically-appropriate\", \"comment\": \"Weekly dose confirmed with the team\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.object()).containsEntry("status", "overridden");
        assertThat((Map<String, Object>) response.object().get("review"))
                .containsEntry("reason", "clinically-appropriate").containsEntry("by", "pharmacist")
                .containsEntry("comment", "Weekly dose confirmed with the team");
        // One chart, two orders: one prescribing error fewer is 100 × 1 / 2 = 50 fewer per 100 orders.
        assertThat(errorsPer100Orders("2026-03")).isEqualTo(before - 50.0);
    }

    @Test
    @DisplayName("confirming keeps the error counted; a manual finding is listed after the rules' and adds to the rate")
    void confirmAndAddThroughTheApi() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-04-10")).object();
        double before = errorsPer100Orders("2026-04");
        int ruleFindings = findings(sample).size();

        Http.Response confirmed = pharmacist.postJson(findingUrl(sample, findingId(sample, "HRM-001")) + "/confirm",
                "");
        Http.Response added = pharmacist.postJson("/api/v1/samples/" + sample.get("id") + "/findings", """
                {"category": "prescribing-error", "errorType": "wrong-formulation", "severity": "significant",
                 "orderIndex": 1, "message": "Soluble paracetamol for a patient on a sodium restriction"}""");

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.object()).containsEntry("status", "confirmed");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.object()).containsEntry("status", "manual").containsEntry("drug", "paracetamol")
                .containsEntry("orderIndex", 1).doesNotContainKey("ruleId");
        List<Map<String, Object>> now = findings(pharmacist.get("/api/v1/samples/" + sample.get("id")).object());
        assertThat(now).hasSize(ruleFindings + 1);
        assertThat(now.get(ruleFindings)).containsEntry("id", added.object().get("id"));
        // Confirming changes nothing in the count; the added error is 100 × 1 / 2 = 50 more per 100 orders.
        assertThat(errorsPer100Orders("2026-04")).isEqualTo(before + 50.0);
    }

    @Test
    @DisplayName("an override without a reason, or with an identifier in its comment, is refused (422)")
    void badOverrideIsRefused() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-05-10")).object();
        String url = findingUrl(sample, findingId(sample, "HRM-001"));

        Http.Response noReason = pharmacist.postJson(url + "/override", "{\"comment\": \"fine\"}");
        Http.Response identifier = pharmacist.postJson(url + "/override",
                "{\"reason\": \"other\", \"comment\": \"patient 943 476 5919 takes it weekly\"}");
        Http.Response tooLong = pharmacist.postJson(url + "/override",
                "{\"reason\": \"other\", \"comment\": \"" + "x".repeat(501) + "\"}");

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorPointers()).containsExactly("/reason");
        assertThat(identifier.status()).isEqualTo(422);
        assertThat(identifier.errorPointers()).containsExactly("/comment");
        assertThat(tooLong.errorPointers()).containsExactly("/comment");
        assertThat(finding(pharmacist.get("/api/v1/samples/" + sample.get("id")).object(), "HRM-001"))
                .containsEntry("status", "flagged");
    }

    @Test
    @DisplayName("reviewing an unknown finding or sample answers 404; a ward user may not review (403)")
    void unknownAndForbidden() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-05-11")).object();
        Http ward = People.signedIn(server, users, "review-ward", List.of(Roles.WARD),
                new Scope(Set.of(), Set.of("ICU")));

        assertThat(pharmacist.postJson("/api/v1/samples/" + sample.get("id") + "/findings/nope/confirm", "")
                .status()).isEqualTo(404);
        assertThat(pharmacist.postJson("/api/v1/samples/nope/findings", "{}").status()).isEqualTo(404);
        assertThat(ward.postJson(findingUrl(sample, findingId(sample, "HRM-001")) + "/confirm", "").status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("the review page's forms confirm, override and add, each recorded in the audit trail before and after")
    void reviewThroughThePage() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-06-10")).object();
        String id = (String) sample.get("id");
        String hrm = findingId(sample, "HRM-001");
        pharmacist.get("/audits/" + id, Http.BROWSER_ACCEPT);

        Http.Response confirmed = pharmacist.form("/audits/" + id + "/findings/" + hrm + "/confirm", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(confirmed.header("Location")).isEqualTo("/audits/" + id + "?done=confirmed#finding-" + hrm);

        Http.Response overridden = pharmacist.form("/audits/" + id + "/findings/" + hrm + "/override",
                Map.of("reason", "already-addressed", "comment", "Changed to weekly on the ward round"));
        assertThat(overridden.status()).isEqualTo(303);

        Http.Response added = pharmacist.form("/audits/" + id + "/findings", Map.of("category", "documentation",
                "errorType", "no-indication", "severity", "minor", "orderIndex", "", "drug", "",
                "message", "Chart-level note"));
        assertThat(added.status()).isEqualTo(303);

        String page = pharmacist.get("/audits/" + id + "?done=added", Http.BROWSER_ACCEPT).body();
        assertThat(page).contains("Finding added.", "Overridden", "Already addressed before the audit",
                "Changed to weekly on the ward round", "Added by pharmacist", "Chart-level note");
        assertThat(finding(pharmacist.get("/api/v1/samples/" + id).object(), "HRM-001"))
                .containsEntry("status", "overridden");

        Map<String, Object> trail = admin.get("/api/v1/admin/audit-events?subjectType=finding&subjectId=" + hrm)
                .object();
        List<Map<String, Object>> events = (List<Map<String, Object>>) trail.get("events");
        assertThat(events).extracting(e -> e.get("action"))
                .containsExactly("finding.overridden", "finding.confirmed");
        assertThat((String) events.get(0).get("beforeState")).contains("\"status\":\"confirmed\"");
        assertThat((String) events.get(0).get("afterState")).contains("\"status\":\"overridden\"",
                "\"reason\":\"already-addressed\"");
        assertThat((String) events.get(1).get("beforeState")).contains("\"status\":\"flagged\"");
    }

    @Test
    @DisplayName("a refused override comes back (422) with the message beside that finding's reason")
    void refusedOverrideOnThePage() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-06-11")).object();
        String id = (String) sample.get("id");
        String hrm = findingId(sample, "HRM-001");

        Http.Response response = pharmacist.form("/audits/" + id + "/findings/" + hrm + "/override",
                Map.of("reason", "", "comment", "kept draft"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("href=\"#override-" + hrm + "-reason\"",
                "id=\"override-" + hrm + "-reason\"", "Choose why the finding is overridden", ">kept draft</textarea>",
                "<details class=\"govuk-details\" open=\"open\">");
    }

    @Test
    @DisplayName("a refused manual finding comes back (422) with its draft and messages beside its fields")
    void refusedManualFindingOnThePage() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-06-12")).object();

        Http.Response response = pharmacist.form("/audits/" + sample.get("id") + "/findings", Map.of(
                "category", "prescribing-error", "errorType", "made-up", "severity", "", "orderIndex", "7",
                "drug", "", "message", "born 01/02/1950"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("href=\"#errorType\"", "href=\"#severity\"", "href=\"#orderIndex\"",
                "href=\"#message\"", "date of birth", "<option value=\"prescribing-error\" selected=\"selected\">");
    }

    @Test
    @DisplayName("comments are shown escaped, never as markup")
    void commentsAreEscaped() {
        Map<String, Object> sample = pharmacist.postJson("/api/v1/samples", twoOrders("2026-06-13")).object();
        String id = (String) sample.get("id");
        pharmacist.postJson(findingUrl(sample, findingId(sample, "HRM-001")) + "/override",
                "{\"reason\": \"other\", \"comment\": \"<script>alert('x')</script><img src=x onerror=alert(1)>\"}");

        String page = pharmacist.get("/audits/" + id, Http.BROWSER_ACCEPT).body();

        assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert");
    }

    @Test
    @DisplayName("the list of audits shows each chart with its review state and each ward's progress to the target")
    void auditsList() {
        pharmacist.postJson("/api/v1/samples", Charts.minimal("NCH-STROKE", "2026-07-02",
                "[{\"drug\": \"aspirin\", \"dose\": 75, \"unit\": \"mg\", \"route\": \"oral\", "
                        + "\"frequency\": \"once-daily\"}]"));

        Http.Response page = pharmacist.get("/audits?ward=NCH-STROKE&month=2026-07", Http.BROWSER_ACCEPT);
        Http.Response wrong = pharmacist.get("/audits?ward=NOWHERE&month=July", Http.BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        // One chart of the default target of 20 is 5 %.
        assertThat(page.body()).contains("Charts audited in July 2026", "1 of 20", "5%", "In progress", "2026-07-02")
                .containsPattern("href=\"/audits/[0-9a-f-]{36}\"");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#ward\"", "href=\"#month\"");
    }

    // ---- helpers ----

    private double errorsPer100Orders(String month) {
        Map<String, Object> rates = pharmacist.get("/api/v1/wards/ICU/rates?from=" + month + "&to=" + month)
                .object();
        Map<String, Object> series = ((List<Map<String, Object>>) rates.get("series")).stream()
                .filter(s -> "prescribing-errors-per-100-orders".equals(s.get("measure"))).findFirst().orElseThrow();
        Map<String, Object> point = ((List<Map<String, Object>>) series.get("points")).get(0);
        return ((Number) point.get("value")).doubleValue();
    }

    private static String findingUrl(Map<String, Object> sample, String findingId) {
        return "/api/v1/samples/" + sample.get("id") + "/findings/" + findingId;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> sample) {
        return (List<Map<String, Object>>) sample.get("findings");
    }

    private static Map<String, Object> finding(Map<String, Object> sample, String ruleId) {
        return findings(sample).stream().filter(f -> ruleId.equals(f.get("ruleId"))).findFirst().orElseThrow();
    }

    private static String findingId(Map<String, Object> sample, String ruleId) {
        return (String) finding(sample, ruleId).get("id");
    }
}
