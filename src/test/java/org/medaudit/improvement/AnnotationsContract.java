package org.medaudit.improvement;

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
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;

/**
 * Annotations over HTTP: recorded, checked, scoped and audit-trailed, shown on the chart points they cover, and a
 * rebase moving a measure's centre line.
 *
 * <p>Ward W12, January to June 2026, two charts a month of one order each. January to March: one chart with
 * methotrexate daily (a prescribing error) and one with paracetamol (none). April to June: paracetamol on both.
 * Charts with a prescribing error: 3 of 12, p̄ = 25%; from January to March alone 3 of 6 = 50%, and from April
 * 0 of 6 = 0%.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnnotationsContract implements TestPropertyProvider {

    private static final String CHARTS_WITH_ERROR = "charts-with-prescribing-error";
    private static final String ERRORS_PER_100 = "prescribing-errors-per-100-orders";
    private static final String SIGNED = "\"route\": \"oral\", \"signed\": true";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    Http pharmacist;
    Http admin;

    @BeforeAll
    void auditW12() {
        pharmacist = People.pharmacist(server, users);
        admin = People.signedIn(server, users, "annotations-admin", List.of(Roles.ADMIN), Scope.NONE);
        for (int month = 1; month <= 6; month++) {
            String date = "2026-0" + month + "-10";
            post(month <= 3
                    ? "{\"drug\": \"methotrexate\", \"dose\": 10, \"unit\": \"mg\", \"frequency\": \"once-daily\", "
                            + SIGNED + "}"
                    : paracetamol(), date);
            post(paracetamol(), date);
        }
    }

    @Test
    @DisplayName("a rebase annotation starts a new centre line for its measure from its month; deleting it undoes it")
    void rebaseMovesTheCentreLine() {
        assertThat(centres(CHARTS_WITH_ERROR)).containsExactly(25.0, 25.0, 25.0, 25.0, 25.0, 25.0);

        Http.Response rebase = pharmacist.postJson("/api/v1/wards/W12/annotations", """
                {"kind": "rebase", "measure": "%s", "title": "New baseline after the methotrexate alert work",
                 "description": "Weekly methotrexate template in use on every chart from April",
                 "startDate": "2026-04-01"}""".formatted(CHARTS_WITH_ERROR));
        assertThat(rebase.status()).as(rebase.body()).isEqualTo(201);

        assertThat(centres(CHARTS_WITH_ERROR)).containsExactly(50.0, 50.0, 50.0, 0.0, 0.0, 0.0);
        Map<String, Object> series = series("W12", CHARTS_WITH_ERROR);
        assertThat(series.get("baseline")).isEqualTo(Map.of("segment", 1, "from", "2026-04",
                "reason", "Weekly methotrexate template in use on every chart from April", "points", 3,
                "frozen", false));
        assertThat(points(series).get(3)).containsEntry("segment", 1);
        assertThat(marks(points(series).get(3))).containsExactly(Map.of("id", rebase.object().get("id"),
                "kind", "rebase", "title", "New baseline after the methotrexate alert work",
                "measure", CHARTS_WITH_ERROR));
        // Another measure keeps its own baseline: 3 errors in 12 orders.
        assertThat(centres(ERRORS_PER_100)).containsOnly(25.0);
        assertThat(marks(points(series("W12", ERRORS_PER_100)).get(3))).isEmpty();

        Number id = (Number) rebase.object().get("id");
        assertThat(pharmacist.send("DELETE", "/api/v1/wards/W12/annotations/" + id).status()).isEqualTo(204);
        assertThat(centres(CHARTS_WITH_ERROR)).containsOnly(25.0);
    }

    @Test
    @DisplayName("annotations appear on every month they cover, audited or not, on their measure or on all")
    void annotationsLabelTheirMonths() {
        Http.Response cycle = pharmacist.postJson("/api/v1/wards/SAU/annotations", """
                {"kind": "pdsa", "title": "Pharmacist on the post-take ward round",
                 "description": "Cycle 1: two mornings a week", "startDate": "2026-02-10",
                 "endDate": "2026-03-20", "owner": "Ward manager"}""");
        Http.Response note = pharmacist.postJson("/api/v1/wards/SAU/annotations", """
                {"kind": "data-issue", "measure": "reconciled-within-24h", "title": "Admission times missing",
                 "startDate": "2026-04-02"}""");
        assertThat(cycle.status()).as(cycle.body()).isEqualTo(201);
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(cycle.header("Location")).isEqualTo("/api/v1/wards/SAU/annotations/" + cycle.object().get("id"));
        assertThat(cycle.object()).containsEntry("ward", "SAU").containsEntry("kind", "pdsa")
                .containsEntry("startPeriod", "2026-02").containsEntry("endPeriod", "2026-03")
                .containsEntry("createdBy", "pharmacist").doesNotContainKey("measure");

        List<Map<String, Object>> errors = points(series("SAU", ERRORS_PER_100, "2026-01", "2026-04"));
        assertThat(errors).extracting(p -> marks(p).stream().map(m -> m.get("kind")).toList())
                .containsExactly(List.of(), List.of("pdsa"), List.of("pdsa"), List.of());
        assertThat(errors.get(1)).containsEntry("audited", false);
        List<Map<String, Object>> reconciled = points(series("SAU", "reconciled-within-24h", "2026-01", "2026-04"));
        assertThat(marks(reconciled.get(3))).extracting(m -> m.get("title"))
                .containsExactly("Admission times missing");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) pharmacist
                .get("/api/v1/wards/SAU/annotations").json();
        assertThat(listed).extracting(a -> a.get("title")).containsExactly("Pharmacist on the post-take ward round",
                "Admission times missing");
    }

    @Test
    @DisplayName("a bad annotation is refused with 422 listing every invalid field, and nothing is stored")
    void validation() {
        assertRefused("""
                {"kind": "plan", "title": "  ", "startDate": "2026-13-01", "endDate": "yesterday",
                 "measure": "no-such-measure", "colour": "red", "owner": 5}""",
                "/colour", "/kind", "/title", "/startDate", "/endDate", "/measure", "/owner");
        assertRefused("{}", "/kind", "/title", "/startDate");
        assertRefused("[]", "");
        assertRefused("""
                {"kind": "pdsa", "title": "Cycle 2", "startDate": "2026-05-10", "endDate": "2026-05-01"}""",
                "/endDate");
        assertRefused("""
                {"kind": "note", "title": "Patient 943 476 5919 missed doses", "startDate": "2026-05-01"}""",
                "/title");
        // A rebase is about one measure and needs its reason; it has no end.
        assertRefused("""
                {"kind": "rebase", "title": "New baseline", "startDate": "2026-05-01", "endDate": "2026-06-01"}""",
                "/measure", "/description", "/endDate");
        assertThat(pharmacist.postJson("/api/v1/wards/AMU/annotations", "{").status()).isEqualTo(400);
        assertThat(pharmacist.get("/api/v1/wards/AMU/annotations").json()).isEqualTo(List.of());
    }

    @Test
    @DisplayName("two rebases of one measure cannot start in the same month")
    void oneRebaseAMonth() {
        String rebase = """
                {"kind": "rebase", "measure": "%s", "title": "New baseline", "description": "New chart design",
                 "startDate": "%s"}""";
        Http.Response first = pharmacist.postJson("/api/v1/wards/ICU/annotations",
                rebase.formatted(ERRORS_PER_100, "2026-05-03"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Http.Response second = pharmacist.postJson("/api/v1/wards/ICU/annotations",
                rebase.formatted(ERRORS_PER_100, "2026-05-20"));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.errorPointers()).containsExactly("/startDate");
        assertThat(pharmacist.postJson("/api/v1/wards/ICU/annotations",
                rebase.formatted(CHARTS_WITH_ERROR, "2026-05-20")).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a ward team records annotations for its own wards only; services read them and change nothing")
    void scoping() {
        Http nurse = People.signedIn(server, users, "amu-annotator", List.of(Roles.WARD),
                new Scope(Set.of(), Set.of("AMU")));
        Http service = Http.withToken(server.getURI(), tokens.create(new TokenRequests.NewToken(
                "annotation-reader", "read", null), "test").secret());
        String change = """
                {"kind": "change", "title": "Omitted-doses poster at the drug trolley", "startDate": "2026-06-01"}""";

        Http.Response own = nurse.postJson("/api/v1/wards/AMU/annotations", change);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.object()).containsEntry("createdBy", "amu-annotator");
        String path = "/api/v1/wards/AMU/annotations/" + own.object().get("id");
        assertThat(nurse.postJson("/api/v1/wards/W12/annotations", change).status()).isEqualTo(403);
        assertThat(nurse.get("/api/v1/wards/W12/annotations").status()).isEqualTo(403);
        assertThat(service.get(path).status()).isEqualTo(200);
        assertThat(service.postJson("/api/v1/wards/AMU/annotations", change).status()).isEqualTo(403);
        assertThat(service.send("DELETE", path).status()).isEqualTo(403);
        assertThat(pharmacist.get("/api/v1/wards/W12/annotations/" + own.object().get("id")).status())
                .isEqualTo(404);
        assertThat(pharmacist.get("/api/v1/wards/NOWHERE/annotations").status()).isEqualTo(404);
        assertThat(nurse.patchJson(path, "{\"outcome\": \"Poster seen by every nurse\"}").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("changes and deletions are checked whole and kept in the audit trail with the state before and after")
    void changesAreAuditTrailed() {
        Http.Response created = pharmacist.postJson("/api/v1/wards/W14/annotations", """
                {"kind": "change", "title": "Reconciliation checklist", "startDate": "2026-06-01",
                 "owner": "Ward manager"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = String.valueOf(created.object().get("id"));
        String path = "/api/v1/wards/W14/annotations/" + id;

        Http.Response changed = pharmacist.patchJson(path, """
                {"endDate": "2026-07-31", "owner": null, "outcome": "Reconciled within 24 h rose to 85%"}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.object()).containsEntry("title", "Reconciliation checklist")
                .containsEntry("endPeriod", "2026-07").containsEntry("outcome", "Reconciled within 24 h rose to 85%")
                .doesNotContainKey("owner");
        Http.Response backwards = pharmacist.patchJson(path, "{\"endDate\": \"2026-05-01\"}");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.errorPointers()).containsExactly("/endDate");
        assertThat(pharmacist.get(path).object()).containsEntry("endDate", "2026-07-31");
        assertThat(pharmacist.send("DELETE", path).status()).isEqualTo(204);
        assertThat(pharmacist.get(path).status()).isEqualTo(404);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) admin
                .get("/api/v1/admin/audit-events?subjectType=annotation&subjectId=" + id).object().get("events");
        assertThat(events).extracting(e -> e.get("action")).containsExactly("annotation.deleted",
                "annotation.updated", "annotation.created");
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("actor", "pharmacist"));
        assertThat((String) events.get(1).get("beforeState")).contains("\"owner\":\"Ward manager\"")
                .doesNotContain("outcome");
        assertThat((String) events.get(1).get("afterState")).contains("\"outcome\":\"Reconciled within 24 h rose")
                .doesNotContain("Ward manager");
        assertThat(events.get(0)).containsKey("beforeState").doesNotContainKey("afterState");
    }

    private void assertRefused(String body, String... pointers) {
        Http.Response response = pharmacist.postJson("/api/v1/wards/AMU/annotations", body);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.errorPointers()).containsExactlyInAnyOrder(pointers);
    }

    private void post(String order, String auditDate) {
        Http.Response response = pharmacist.postJson("/api/v1/samples", """
                {"ward": "W12", "auditDate": "%s", "orders": [%s]}""".formatted(auditDate, order));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String paracetamol() {
        return "{\"drug\": \"paracetamol\", \"dose\": 1, \"unit\": \"g\", \"frequency\": \"four-times-daily\", "
                + SIGNED + "}";
    }

    private List<Double> centres(String measure) {
        return points(series("W12", measure)).stream().map(p -> (Double) p.get("centre")).toList();
    }

    private Map<String, Object> series(String ward, String measure) {
        return series(ward, measure, "2026-01", "2026-06");
    }

    private Map<String, Object> series(String ward, String measure, String from, String to) {
        Http.Response response = pharmacist.get("/api/v1/wards/" + ward + "/rates?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) response.object().get("series");
        return series.stream().filter(s -> measure.equals(s.get("measure"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> series) {
        return (List<Map<String, Object>>) series.get("points");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> marks(Map<String, Object> point) {
        return (List<Map<String, Object>>) point.get("annotations");
    }
}
