package org.medaudit.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.SampleView;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.UserRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Browser;
import org.medaudit.support.Charts;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;
import org.medaudit.system.JsonTree;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The pharmacist's pages in a real browser: the DESIGN.md example chart entered with the keyboard alone (the number
 * of keystrokes and the time it takes are written to the test log), its findings reviewed, and a CSV uploaded.
 *
 * <p>With {@code -Dmedaudit.screenshots=docs/screenshots} the tests also save full-page screenshots of the entry
 * page, the findings review and the upload report there (README, "Screenshots").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")
class AuditPagesBrowserTest implements TestPropertyProvider {

    private static final String USER = "browser-pharmacist";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    SampleIntake samples;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void pharmacist() {
        users.create(new UserRequests.NewUser(USER, "Priya Shah", People.PASSWORD, List.of(Roles.PHARMACIST),
                Scope.NONE));
    }

    @Test
    @DisplayName("the DESIGN.md example is entered with the keyboard alone, stored as its JSON would be, and reviewed")
    void enterTheExampleWithTheKeyboardAndReviewIt() throws IOException {
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn(USER, People.PASSWORD).open("/audits/new");
            long started = System.nanoTime();
            int before = browser.keystrokes();

            // The skip link, then the first question.
            browser.press(Keys.TAB, Keys.ENTER, Keys.TAB);
            assertThat(browser.focused().getAttribute("id")).isEqualTo("ward");
            answer(browser, "AMU");
            answer(browser, "2026-10-14");
            answer(browser, "r");
            // Patient: age, sex, weight, eGFR, (CrCl not recorded), conditions, allergy status, one allergy.
            answer(browser, "78");
            answer(browser, "F");
            answer(browser, "48.5");
            answer(browser, "38");
            browser.press(Keys.TAB);
            answer(browser, "asthma, peptic-ulcer-history");
            answer(browser, "d");
            answer(browser, "penicillin");
            answer(browser, "anaphylaxis");
            browser.press(Keys.TAB); // past "Add another allergy"
            // The order: drug, dose, unit, as written, route, frequency, PRN, (no maximum), indication, start,
            // (no review date), signed.
            assertThat(browser.focused().getAttribute("id")).as(String.join(" | ", trail)).isEqualTo("orders-0-drug");
            answer(browser, "methotrexate");
            answer(browser, "10");
            answer(browser, "mg");
            answer(browser, "10mg");
            answer(browser, "o");
            answer(browser, "once-daily");
            answer(browser, "n");
            browser.press(Keys.TAB);
            answer(browser, "rheumatoid arthritis");
            answer(browser, "2026-10-12");
            browser.press(Keys.TAB);
            answer(browser, "y");
            browser.press(Keys.TAB); // past "Add another order"
            // Reconciliation times, then the warfarin taken at home, not on the chart, with no change documented.
            answer(browser, "2026-10-12 14:05");
            answer(browser, "2026-10-13 09:30");
            answer(browser, "2026-10-13 11:00");
            browser.press(Keys.TAB); // past "no medicines before admission"
            answer(browser, "warfarin");
            answer(browser, "3");
            answer(browser, "mg");
            answer(browser, "o");
            answer(browser, "once-daily");
            answer(browser, "n");
            answer(browser, "n");
            browser.press(Keys.TAB, Keys.TAB); // past "Add another", "no doses were omitted"
            answer(browser, "co-careldopa");
            answer(browser, "n");
            browser.press(Keys.TAB, Keys.TAB); // past "Add another", "no monitoring results"
            answer(browser, "INR");
            answer(browser, "2026-10-13");
            answer(browser, "6.4");
            browser.press(Keys.TAB); // past "Add another result"
            assertThat(browser.focused().getText()).isEqualTo("Save and check the chart");
            screenshot(browser, "1-entry-form.png");
            browser.press(Keys.ENTER);
            browser.waitFor(d -> d.getPageSource().contains("Chart saved"));
            double seconds = (System.nanoTime() - started) / 1e9;
            int keystrokes = browser.keystrokes() - before;
            System.out.printf("KEYBOARD ENTRY OF THE DESIGN.md EXAMPLE CHART: %d keystrokes, %.1f s "
                    + "(browser automation typing; a person types slower)%n", keystrokes, seconds);

            // Stored exactly as the example's JSON is.
            String id = browser.path().substring("/audits/".length());
            SampleView entered = samples.find(id).orElseThrow();
            SampleView fromJson = samples.submitJson(Charts.designExample().getBytes(StandardCharsets.UTF_8), null)
                    .sample();
            Map<String, Object> a = tree(entered);
            Map<String, Object> b = tree(fromJson);
            for (String part : AuditFormContract.CHART_PARTS) {
                assertThat(a.get(part)).as(part).isEqualTo(b.get(part));
            }
            assertThat(browser.find(By.tagName("main")).getText()).contains("HRM-001", "REC-002", "OMD-001");

            // Confirm the first finding, override the second with a reason and a comment.
            browser.findAll(By.cssSelector(".medaudit-finding form[action$='/confirm'] button")).get(0).click();
            browser.waitFor(d -> d.getPageSource().contains("Finding confirmed."));
            WebElement second = browser.findAll(By.cssSelector(".medaudit-finding")).get(1);
            second.findElement(By.cssSelector("summary")).click();
            second.findElement(By.cssSelector("input[type=radio][value='clinically-appropriate'] + label")).click();
            second.findElement(By.tagName("textarea")).sendKeys("Reviewed with the consultant.");
            second.findElement(By.cssSelector("form[action$='/override'] button")).click();
            browser.waitFor(d -> d.getPageSource().contains("Finding overridden."));
            String review = browser.find(By.tagName("main")).getText();
            assertThat(review).contains("Confirmed", "Overridden", "Reviewed with the consultant.");
            screenshot(browser, "2-findings-review.png");
        }
    }

    @Test
    @DisplayName("with the script, the form shows one blank row per list and adds one more at a time")
    void addAnotherOrder() {
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn(USER, People.PASSWORD).open("/audits/new");
            assertThat(browser.findAll(By.cssSelector("fieldset[id^='orders-row-']"))).hasSize(1);
            WebElement add = browser.find(By.cssSelector("button[data-rows='orders']"));
            assertThat(add.getText()).isEqualTo("Add another order");
            add.click();
            assertThat(browser.findAll(By.cssSelector("fieldset[id^='orders-row-']"))).hasSize(2);
            assertThat(browser.focused().getAttribute("id")).isEqualTo("orders-1-drug");
            assertThat(browser.find(By.cssSelector("#orders-row-1 legend")).getText()).isEqualTo("Order 2");
            assertThat(browser.find(By.name("rows-orders")).getAttribute("value")).isEqualTo("2");
            // Drug names are suggested from the formulary.
            assertThat(browser.focused().getAttribute("list")).isEqualTo("vocabulary-formulary");
            assertThat(browser.findAll(By.cssSelector("#vocabulary-formulary option[value='methotrexate']")))
                    .hasSize(1);
            browser.type("aspirin");
            browser.find(By.id("orders-0-drug")).sendKeys("paracetamol");
            browser.find(By.id("ward")).sendKeys("AMU");
            browser.find(By.cssSelector("button[value='save']")).click();
            browser.waitFor(d -> d.getPageSource().contains("Chart saved"));
            SampleView saved = samples.find(browser.path().substring("/audits/".length())).orElseThrow();
            assertThat(saved.orders()).extracting(order -> order.drug()).containsExactly("paracetamol", "aspirin");
        }
    }

    @Test
    @DisplayName("a CSV with one bad chart is uploaded and the report shows what was stored and why one was refused")
    void uploadACsvWithOneBadRow() throws IOException {
        Path folder = Files.createTempDirectory("medaudit-upload");
        Path file = folder.resolve("amu-october-audits.csv");
        Files.writeString(file, CsvUploadContract.withBadChart(CsvUploadContract.designExampleCsv()
                .replace("2026-10-14", "2026-10-16"), "by mouth"));
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn(USER, People.PASSWORD).open("/audits/upload");
            browser.find(By.id("file")).sendKeys(file.toString());
            browser.find(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
            browser.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Upload report"));
            String report = browser.find(By.tagName("main")).getText();
            assertThat(report).contains("1 chart stored", "1 chart refused", "Line 4, orders.route",
                    "found \"by mouth\"");
            assertThat(browser.findAll(By.cssSelector("#charts a[href^='/audits/']"))).hasSize(1);
            screenshot(browser, "3-upload-report.png");
        } finally {
            Files.delete(file);
            Files.delete(folder);
        }
    }

    @Test
    @DisplayName("without a file the upload page says so beside the field, and the error summary links to it")
    void uploadWithoutAFile() {
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn(USER, People.PASSWORD).open("/audits/upload");
            browser.find(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
            browser.waitFor(d -> d.getPageSource().contains("There is a problem"));
            // The summary has the focus, and its link leads to the field.
            assertThat(browser.focused().getAttribute("class")).contains("govuk-error-summary");
            browser.find(By.cssSelector(".govuk-error-summary a")).click();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("file");
        }
    }

    /** Where the focus went after each answer, for the message when the tab order is not as expected. */
    private final List<String> trail = new ArrayList<>();

    /** Types an answer into the field with the focus and moves on to the next one. */
    private void answer(Browser browser, String text) {
        WebElement field = browser.focused();
        browser.type(text);
        trail.add(field.getAttribute("id") + "=" + field.getDomProperty("value"));
        browser.press(Keys.TAB);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tree(SampleView sample) throws IOException {
        return (Map<String, Object>) JsonTree.parse(json.writeValueAsBytes(sample));
    }

    /** Saves a full-page screenshot when {@code medaudit.screenshots} names a folder. */
    private static void screenshot(Browser browser, String name) {
        String folder = System.getProperty("medaudit.screenshots", "");
        if (!folder.isBlank() && !folder.startsWith("${")) {
            browser.screenshot(Path.of(folder, name));
        }
    }
}
