package org.medaudit.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
import org.medaudit.support.Tables;

/**
 * The pharmacist's audit form over real HTTP, as a browser without JavaScript posts it: answers become the same
 * chart as the JSON contract, a refused chart comes back filled in with each message beside its field, rows are
 * added by posting the draft back, and blank rows and "none" boxes mean what they say. Each database (SQLite,
 * PostgreSQL) runs the same specification through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that TestPropertyProvider runs before the context starts
abstract class AuditFormContract implements TestPropertyProvider {

    /** The parts of a stored sample that are the chart as entered. */
    static final List<String> CHART_PARTS = List.of("ward", "auditDate", "sampleType", "patient", "admission",
            "preAdmissionMedicines", "orders", "omittedDoses", "monitoring");

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    Http pharmacist;

    @BeforeAll
    void signIn() {
        pharmacist = People.pharmacist(server, users);
        pharmacist.get("/audits/new", Http.BROWSER_ACCEPT);
    }

    /** The DESIGN.md example chart, answered on the form as a pharmacist would. */
    static Map<String, String> designExampleAnswers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("form", "prescribing-chart-audit");
        answers.put("ward", "AMU");
        answers.put("auditDate", "2026-10-14");
        answers.put("sampleType", "random-monthly");
        answers.put("patient-ageYears", "78");
        answers.put("patient-sex", "F");
        answers.put("patient-weightKg", "48.5");
        answers.put("patient-egfr", "38");
        answers.put("patient-crcl", "");
        answers.put("patient-conditions", "asthma\npeptic-ulcer-history");
        answers.put("patient-allergyStatus", "drug-allergy");
        answers.put("patient-allergies-0-substance", "penicillin");
        answers.put("patient-allergies-0-reaction", "anaphylaxis");
        answers.put("admission-admittedAt", "2026-10-12T14:05");
        answers.put("admission-reconciliationStartedAt", "2026-10-13T09:30");
        answers.put("admission-reconciliationCompletedAt", "2026-10-13T11:00");
        answers.put("preAdmissionMedicines-0-drug", "warfarin");
        answers.put("preAdmissionMedicines-0-dose", "3");
        answers.put("preAdmissionMedicines-0-unit", "mg");
        answers.put("preAdmissionMedicines-0-route", "oral");
        answers.put("preAdmissionMedicines-0-frequency", "once-daily");
        answers.put("preAdmissionMedicines-0-onChart", "no");
        answers.put("preAdmissionMedicines-0-changeDocumented", "no");
        answers.put("orders-0-drug", "methotrexate");
        answers.put("orders-0-dose", "10");
        answers.put("orders-0-unit", "mg");
        answers.put("orders-0-doseText", "10mg");
        answers.put("orders-0-route", "oral");
        answers.put("orders-0-frequency", "once-daily");
        answers.put("orders-0-prn", "no");
        answers.put("orders-0-prnMaxPer24h", "");
        answers.put("orders-0-indication", "rheumatoid arthritis");
        answers.put("orders-0-startDate", "2026-10-12");
        answers.put("orders-0-reviewDate", "");
        answers.put("orders-0-signed", "yes");
        answers.put("omittedDoses-0-drug", "co-careldopa");
        answers.put("omittedDoses-0-reasonCode", "none-recorded");
        answers.put("monitoring-0-test", "INR");
        answers.put("monitoring-0-date", "2026-10-13");
        answers.put("monitoring-0-value", "6.4");
        answers.put("action", "save");
        return answers;
    }

    /** A small valid chart: one order on W14 in September 2026. */
    static Map<String, String> oneOrder(String drug) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("ward", "W14");
        answers.put("auditDate", "2026-09-10");
        answers.put("orders-0-drug", drug);
        answers.put("orders-0-dose", "1");
        answers.put("orders-0-unit", "g");
        answers.put("orders-0-route", "oral");
        answers.put("orders-0-frequency", "four-times-daily");
        return answers;
    }

    private String sampleIdOf(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).matches("/audits/[0-9a-f-]{36}\\?done=entered");
        return location.substring("/audits/".length(), location.indexOf('?'));
    }

    @Test
    @DisplayName("the DESIGN.md example answered on the form is stored as the same chart as its JSON, with its form")
    void designExampleThroughTheForm() {
        Http.Response response = pharmacist.form("/audits", designExampleAnswers());
        String id = sampleIdOf(response);

        Http.Response review = pharmacist.get(response.header("Location"), Http.BROWSER_ACCEPT);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains("HRM-001", "REC-002", "OMD-001", "methotrexate", "potentially-lethal",
                "Chart saved");

        Map<String, Object> fromForm = pharmacist.get("/api/v1/samples/" + id).object();
        Map<String, Object> fromJson = pharmacist.postJson("/api/v1/samples", Charts.designExample()).object();
        for (String part : CHART_PARTS) {
            assertThat(fromForm.get(part)).as(part).isEqualTo(fromJson.get(part));
        }
        assertThat(fromForm.get("form")).isEqualTo(Map.of("id", "prescribing-chart-audit", "version", 1));
        assertThat(fromJson).doesNotContainKey("form");
        assertThat(ruleIds(fromForm)).isEqualTo(ruleIds(fromJson));
    }

    @Test
    @DisplayName("a chart with bad answers comes back (422) filled in, messages beside their fields, nothing stored")
    void badAnswersComeBackBesideTheirFields() {
        Map<String, Long> before = Tables.counts(dataSource);
        Map<String, String> answers = designExampleAnswers();
        answers.put("auditDate", "2099-01-01");
        answers.put("patient-egfr", "about forty");
        // Row 2 (the third) is filled and row 1 left blank: the chart's second order is the form's third row.
        answers.put("orders-2-drug", "amoxicillin");
        answers.put("orders-2-route", "by-mouth");
        answers.put("orders-2-indication", "chest infection, NHS 943 476 5919");

        Http.Response response = pharmacist.form("/audits", answers);

        assertThat(response.status()).isEqualTo(422);
        String page = response.body();
        assertThat(page).contains("There is a problem")
                .contains("href=\"#auditDate\"", "id=\"auditDate-error\"")
                .contains("href=\"#patient-egfr\"", "id=\"patient-egfr-error\"")
                .contains("href=\"#orders-2-route\"", "id=\"orders-2-route-error\"")
                .contains("href=\"#orders-2-indication\"", "id=\"orders-2-indication-error\"")
                .doesNotContain("id=\"orders-1-route-error\"")
                .contains("Order 3 – Route: must be one of", "eGFR (mL/min/1.73m²): must be a number", "NHS number");
        // The draft is kept: every answer is in the page again.
        assertThat(page).contains("value=\"about forty\"", "value=\"amoxicillin\"", "value=\"methotrexate\"",
                "value=\"2099-01-01\"", ">asthma\npeptic-ulcer-history</textarea>");
        assertThat(page.indexOf("href=\"#auditDate\"")).as("errors listed in page order")
                .isLessThan(page.indexOf("href=\"#patient-egfr\""));
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("a required question left blank is refused at its field")
    void requiredAnswersAreAskedFor() {
        Map<String, String> answers = oneOrder("paracetamol");
        answers.remove("ward");
        answers.remove("orders-0-drug");

        Http.Response response = pharmacist.form("/audits", answers);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"ward-error\"", "Ward: is required on this form",
                "id=\"orders-0-drug-error\"", "Order 1 – Drug: is required");
    }

    @Test
    @DisplayName("blank rows are ignored: orders typed in rows 1 and 4 are the chart's two orders")
    void blankRowsAreIgnored() {
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("orders-3-drug", "amlodipine");
        answers.put("orders-3-dose", "5");
        answers.put("orders-3-unit", "mg");
        answers.put("orders-5-prn", "");

        String id = sampleIdOf(pharmacist.form("/audits", answers));

        Map<String, Object> sample = pharmacist.get("/api/v1/samples/" + id).object();
        assertThat(sample).containsEntry("ordersAudited", 2);
        assertThat(((List<Map<String, Object>>) sample.get("orders"))).extracting(o -> o.get("drug"))
                .containsExactly("paracetamol", "amlodipine");
    }

    @Test
    @DisplayName("ticking \"no doses were omitted\" records none; leaving the section untouched records nothing")
    void noneIsNotTheSameAsNotRecorded() {
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("none-omittedDoses", "true");

        Map<String, Object> sample = pharmacist.get("/api/v1/samples/"
                + sampleIdOf(pharmacist.form("/audits", answers))).object();

        assertThat(sample).containsEntry("omittedDoses", List.of())
                .doesNotContainKeys("monitoring", "preAdmissionMedicines", "admission", "patient");
    }

    @Test
    @DisplayName("ticking \"none\" beside filled rows is refused at the box")
    void noneBesideRowsIsRefused() {
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("none-omittedDoses", "true");
        answers.put("omittedDoses-1-drug", "levodopa");

        Http.Response response = pharmacist.form("/audits", answers);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("href=\"#none-omittedDoses\"", "id=\"none-omittedDoses-error\"",
                "but filled in 1 row");
    }

    @Test
    @DisplayName("\"add more rows\" posts the draft back and returns it with more order rows, storing nothing")
    void addRowsWithoutJavaScript() {
        Map<String, Long> before = Tables.counts(dataSource);
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("rows-orders", "6");
        answers.put("action", "add-rows-orders");

        Http.Response response = pharmacist.form("/audits", answers);

        assertThat(response.status()).isEqualTo(200);
        // 6 rows, plus the form's starting 6: rows 0 to 11.
        assertThat(response.body()).contains("id=\"orders-11-drug\"", "name=\"rows-orders\" value=\"12\"",
                "value=\"paracetamol\"").doesNotContain("id=\"orders-12-drug\"", "There is a problem");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("the blank form offers the contract's vocabularies, accessible labels and a fresh idempotency key")
    void blankForm() {
        Http.Response page = pharmacist.get("/audits/new", Http.BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<label class=\"govuk-label\" for=\"orders-0-drug\">Drug</label>",
                "id=\"orders-5-drug\"", "<option value=\"nasogastric\">nasogastric</option>",
                "<datalist id=\"vocabulary-frequencies\">", "<option value=\"AMU\">AMU – Acute Medical Unit</option>",
                "name=\"idempotencyKey\"", "aria-describedby=\"auditDate-hint\"")
                .doesNotContain("id=\"orders-6-drug\"");
    }

    @Test
    @DisplayName("a double-clicked save stores one chart: the same page key answers with the first sample")
    void doubleSubmitStoresOnce() {
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("idempotencyKey", "form-double-click-test");

        String first = sampleIdOf(pharmacist.form("/audits", answers));
        Map<String, Long> afterFirst = Tables.counts(dataSource);
        String second = sampleIdOf(pharmacist.form("/audits", answers));

        assertThat(second).isEqualTo(first);
        assertThat(Tables.counts(dataSource)).isEqualTo(afterFirst);
    }

    @Test
    @DisplayName("the next blank form remembers the ward and audit date of the last chart entered")
    void wardAndDateAreRemembered() {
        Http http = People.signedIn(server, users, "remembering-pharmacist",
                List.of(Roles.PHARMACIST), Scope.NONE);
        Map<String, String> answers = oneOrder("paracetamol");
        answers.put("ward", "SAU");
        answers.put("auditDate", "2026-08-03");
        sampleIdOf(http.form("/audits", answers));

        String page = http.get("/audits/new", Http.BROWSER_ACCEPT).body();

        assertThat(page).contains("<option value=\"SAU\" selected=\"selected\">", "value=\"2026-08-03\"");
    }

    @Test
    @DisplayName("a chart is corrected under its id: rules run again, a confirmed finding that still fires stays so")
    void correctionKeepsIdAndReviews() {
        Map<String, String> answers = oneOrder("methotrexate");
        answers.put("orders-0-dose", "10");
        answers.put("orders-0-unit", "mg");
        answers.put("orders-0-frequency", "once-daily");
        String id = sampleIdOf(pharmacist.form("/audits", answers));
        Map<String, Object> hrm = finding(pharmacist.get("/api/v1/samples/" + id).object(), "HRM-001");
        pharmacist.postJson("/api/v1/samples/" + id + "/findings/" + hrm.get("id") + "/confirm", "");

        Http.Response form = pharmacist.get("/audits/" + id + "/correction", Http.BROWSER_ACCEPT);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"methotrexate\"", "Correct a chart");
        answers.put("orders-1-drug", "folic acid");
        answers.put("orders-1-dose", "5");
        answers.put("orders-1-unit", "mg");
        Http.Response saved = pharmacist.form("/audits/" + id + "/correction", answers);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/audits/" + id + "?done=corrected");
        Map<String, Object> corrected = pharmacist.get("/api/v1/samples/" + id).object();
        assertThat(corrected).containsEntry("ordersAudited", 2);
        Map<String, Object> kept = finding(corrected, "HRM-001");
        assertThat(kept).containsEntry("id", hrm.get("id")).containsEntry("status", "confirmed");
    }

    @SuppressWarnings("unchecked")
    static List<Object> ruleIds(Map<String, Object> sample) {
        return ((List<Map<String, Object>>) sample.get("findings")).stream().map(f -> f.get("ruleId")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> finding(Map<String, Object> sample, String ruleId) {
        return ((List<Map<String, Object>>) sample.get("findings")).stream()
                .filter(f -> ruleId.equals(f.get("ruleId"))).findFirst().orElseThrow();
    }
}
