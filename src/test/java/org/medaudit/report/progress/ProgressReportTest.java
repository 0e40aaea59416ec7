package org.medaudit.report.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * The monthly progress report of a ward and of a site: written through the form, listed by month, printed with the
 * month's measures and the annotations near it, and read over the API — within what each person may read.
 *
 * <p>Ward W12, August 2026: chart A, methotrexate daily (1 prescribing error) and paracetamol (none); chart B,
 * atorvastatin at night (none). 1 error in 3 orders: 33.33 per 100 orders. A PDSA cycle ran in July and a data issue
 * is noted for September, when nothing was audited: neither is August, both are next to it. A new rota in December
 * is not.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressReportTest implements TestPropertyProvider {

    private static final String COMPLETE = "\"route\": \"oral\", \"signed\": true";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    Http pharmacist;
    Http wardTeam;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void auditW12() {
        pharmacist = People.pharmacist(server, users);
        wardTeam = People.signedIn(server, users, "w12-manager", List.of(Roles.WARD), new Scope(Set.of(), Set.of("W12")));
        created(pharmacist.postJson("/api/v1/samples", """
                {"ward": "W12", "auditDate": "2026-08-03", "orders": [
                   {"drug": "methotrexate", "dose": 10, "unit": "mg", "frequency": "once-daily", %1$s},
                   {"drug": "paracetamol", "dose": 1, "unit": "g", "frequency": "four-times-daily", %1$s}]}"""
                .formatted(COMPLETE)));
        created(pharmacist.postJson("/api/v1/samples", """
                {"ward": "W12", "auditDate": "2026-08-20", "orders": [
                   {"drug": "atorvastatin", "dose": 20, "unit": "mg", "frequency": "nocte", %1$s}]}"""
                .formatted(COMPLETE)));
        created(pharmacist.postJson("/api/v1/wards/W12/annotations", """
                {"kind": "pdsa", "title": "Pharmacist on the Monday ward round", "startDate": "2026-07-06",
                 "endDate": "2026-07-31", "owner": "Ward pharmacist", "outcome": "Adopted"}"""));
        created(pharmacist.postJson("/api/v1/wards/W12/annotations", """
                {"kind": "data-issue", "title": "Audit paused for the EPR upgrade", "startDate": "2026-09-14"}"""));
        created(pharmacist.postJson("/api/v1/wards/W12/annotations", """
                {"kind": "change", "title": "New rota", "startDate": "2026-12-01"}"""));
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("a ward team writes its month's report, which prints the month's measures, the nearby cycles and the text")
    void writeAndPrintAWardReport() {
        Http.Response saved = wardTeam.form("/wards/W12/reports", Map.of("month", "2026-08", "status", "final",
                "whatWeTried", "A pharmacist joined the Monday ward round.",
                "whatWeLearned", "Methotrexate is still prescribed daily on admission.",
                "whatNext", "Test a weekly-dosing sticker on the drug chart."));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/wards/W12/reports/2026-08");

        Http.Response page = wardTeam.get("/wards/W12/reports/2026-08", Http.BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Monthly progress report: August 2026", "Final",
                "A pharmacist joined the Monday ward round.", "Test a weekly-dosing sticker on the drug chart.",
                "Audit completeness: 2 of 20 charts audited (10.0% of the target sample).",
                // 1 error in 3 orders; with August the only charted month, the centre is 33.33 and the upper limit
                // 0.3333 + 3·√(0.3333 / 3) = 1.3333 per order.
                "33.33", "1 / 3", "33.33 (0.0–133.33)",
                "Pharmacist on the Monday ward round", "Audit paused for the EPR upgrade",
                "/static/progress-report.css", "data-measure=\"prescribing-errors-per-100-orders\"");
        assertThat(page.body()).as("December is not next to August").doesNotContain("New rota");
        assertThat(page.body()).as("September, not audited, is a gap in the history").contains("Not audited");
    }

    @Test
    @DisplayName("a refused form comes back with every message beside its field, and nothing is stored")
    void refusedFormShowsEveryProblem() {
        long before = Tables.count(dataSource, "progress_report");

        Http.Response refused = wardTeam.form("/wards/W12/reports", Map.of("month", "2099-01", "status", "final",
                "whatWeTried", "Reviewed the chart of the patient with NHS number 943 476 5919.",
                "whatWeLearned", "", "whatNext", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "govuk-error-summary",
                "Must not be after this month", "Contains what looks like an NHS number",
                "Write what you learned before marking the report final",
                "Write what you will do next before marking the report final",
                "href=\"#month\"", "href=\"#whatWeTried\"", "href=\"#whatWeLearned\"", "href=\"#whatNext\"");
        assertThat(Tables.count(dataSource, "progress_report")).isEqualTo(before);
    }

    @Test
    @DisplayName("a month has one report: a second is refused, and a change is kept with the audit trail's before and after")
    void oneReportPerMonthAndChangesAreAudited() {
        assertThat(pharmacist.form("/wards/W12/reports", Map.of("month", "2026-07", "whatWeTried", "Started"))
                .status()).isEqualTo(303);
        Http.Response again = pharmacist.form("/wards/W12/reports", Map.of("month", "2026-07"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("The report for 2026-07 already exists: change it instead");

        assertThat(pharmacist.get("/wards/W12/reports/2026-07/edit", Http.BROWSER_ACCEPT).body())
                .contains("Started", "name=\"_csrf\"");
        Http.Response changed = wardTeam.form("/wards/W12/reports/2026-07", Map.of("status", "draft",
                "whatWeTried", "Started the Monday round", "whatWeLearned", "Too early to tell"));
        assertThat(changed.status()).isEqualTo(303);

        Map<String, Object> report = pharmacist.get("/api/v1/wards/W12/reports/2026-07").object();
        @SuppressWarnings("unchecked")
        Map<String, Object> text = (Map<String, Object>) report.get("report");
        assertThat(text).containsEntry("whatWeTried", "Started the Monday round")
                .containsEntry("createdBy", "pharmacist").containsEntry("updatedBy", "w12-manager")
                .containsEntry("status", "draft");
        assertThat(report).containsEntry("audited", false).containsEntry("chartsAudited", 0);
        Http.Response trail = People.signedIn(server, users, "auditor-admin", List.of(Roles.ADMIN), Scope.NONE)
                .get("/api/v1/admin/audit-events");
        assertThat(trail.body()).contains("progress-report.created", "progress-report.updated",
                "Started the Monday round");
    }

    @Test
    @DisplayName("reports are listed by month, newest first, on the ward's list, the list of all and the API")
    void listedByMonth() {
        pharmacist.form("/wards/W12/reports", Map.of("month", "2026-05", "whatWeTried", "May"));
        pharmacist.form("/wards/W12/reports", Map.of("month", "2026-06", "whatWeTried", "June"));

        List<?> listed = (List<?>) pharmacist.get("/api/v1/wards/W12/reports").json();
        List<String> months = listed.stream().map(r -> (String) ((Map<?, ?>) r).get("month")).toList();
        assertThat(months).containsSubsequence("2026-06", "2026-05").isSortedAccordingTo((a, b) -> b.compareTo(a));
        String page = wardTeam.get("/wards/W12/reports", Http.BROWSER_ACCEPT).body();
        assertThat(page.indexOf("2026-06")).isLessThan(page.indexOf("2026-05")).isPositive();
        assertThat(wardTeam.get("/reports", Http.BROWSER_ACCEPT).body()).contains("Ward W12", "2026-05");
    }

    @Test
    @DisplayName("a ward team reads and writes only its own ward's reports; a site's need every ward of the site")
    void accessFollowsTheWard() {
        assertThat(wardTeam.get("/wards/AMU/reports", Http.BROWSER_ACCEPT).status()).isEqualTo(403);
        assertThat(wardTeam.form("/wards/AMU/reports", Map.of("month", "2026-08")).status()).isEqualTo(403);
        assertThat(wardTeam.get("/sites/RGH/reports", Http.BROWSER_ACCEPT).status()).isEqualTo(403);
        assertThat(wardTeam.get("/api/v1/sites/RGH/reports").status()).isEqualTo(403);

        Http.Response site = pharmacist.form("/sites/RGH/reports", Map.of("month", "2026-08",
                "whatWeTried", "Every ward tested a pharmacist on one round a week."));
        assertThat(site.status()).isEqualTo(303);
        String printed = pharmacist.get("/sites/RGH/reports/2026-08", Http.BROWSER_ACCEPT).body();
        assertThat(printed).contains("Site RGH", "Every ward tested a pharmacist",
                "Pharmacist on the Monday ward round", ">W12<");
        assertThat(wardTeam.get("/reports", Http.BROWSER_ACCEPT).body()).doesNotContain("Site RGH");
    }

    @Test
    @DisplayName("a month with no report is a 404, on the page and the API")
    void missingReport() {
        assertThat(pharmacist.get("/wards/W12/reports/2025-01", Http.BROWSER_ACCEPT).status()).isEqualTo(404);
        assertThat(pharmacist.get("/api/v1/wards/W12/reports/2025-01").status()).isEqualTo(404);
        assertThat(pharmacist.get("/wards/W12/reports/nonsense/edit", Http.BROWSER_ACCEPT).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("the print stylesheet lays the report out on A4 without navigation, with page breaks between sections")
    void printStylesheet() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/static/progress-report.css"));
        String print = css.substring(css.indexOf("@media print"));

        assertThat(print).contains("size: A4", ".medaudit-header", "display: none", "break-before: page",
                "break-inside: avoid");
        assertThat(pharmacist.get("/static/progress-report.css", "text/css").status()).isEqualTo(200);
    }
}
