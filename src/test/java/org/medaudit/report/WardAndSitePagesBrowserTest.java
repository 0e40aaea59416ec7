package org.medaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Browser;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The ward and site pages in a real browser, on data entered through the JSON API. AMU audits one chart a month for
 * 14 months: no allergy status for 7 months, then documented for 7 — a shift on both sides of the mean, so the
 * allergy-status chart has concern points early and improvement points late. W12 audits six charts, all
 * documented, in the latest month; AMU's one chart that month is below the small-number minimum of 5.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")
class WardAndSitePagesBrowserTest implements TestPropertyProvider {

    private static final String MEASURE = "allergy-status-documented";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    final YearMonth last = YearMonth.now().minusMonths(1);
    final YearMonth first = last.minusMonths(13);

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void audit() {
        Http pharmacist = People.pharmacist(server, users);
        for (int i = 0; i < 14; i++) {
            String status = i < 7 ? "" : ", \"allergyStatus\": \"none-known\"";
            post(pharmacist, chart("AMU", first.plusMonths(i).atDay(10).toString(), status));
        }
        for (int i = 0; i < 6; i++) {
            post(pharmacist, chart("W12", last.atDay(3 + i).toString(), ", \"allergyStatus\": \"none-known\""));
        }
        Http.Response annotation = pharmacist.postJson("/api/v1/wards/AMU/annotations", """
                {"kind": "pdsa", "title": "Allergy <stickers> on every drug chart", "startDate": "%s",
                 "endDate": "%s", "owner": "Ward manager", "measure": "%s"}"""
                .formatted(first.plusMonths(7).atDay(1), first.plusMonths(8).atDay(20), MEASURE));
        assertThat(annotation.status()).as(annotation.body()).isEqualTo(201);
    }

    private static String chart(String ward, String date, String allergyStatus) {
        return """
                {"ward": "%s", "auditDate": "%s", "patient": {"ageYears": 70%s},
                 "orders": [{"drug": "paracetamol", "dose": 1, "unit": "g", "route": "oral",
                             "frequency": "four-times-daily", "signed": true}]}""".formatted(ward, date, allergyStatus);
    }

    private static void post(Http http, String chart) {
        Http.Response response = http.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private String range() {
        return "from=" + first + "&to=" + last;
    }

    @Test
    @DisplayName("the ward page shows the allergy chart's signal points in their colours and the ward's PDSA cycle on it")
    void wardPageShowsSignalsAndAnnotations() {
        People.signedIn(server, users, "amu-team", List.of(Roles.WARD), new Scope(java.util.Set.of(),
                java.util.Set.of("AMU")));
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn("amu-team", People.PASSWORD).open("/wards/AMU?" + range());

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Acute Medical Unit");
            WebElement chart = browser.find(By.cssSelector("#measure-" + MEASURE + " svg.ma-chart"));
            // 7 months at 0% below the mean of 50% are a concern; the 7 at 100% above it an improvement.
            assertThat(chart.findElements(By.cssSelector("circle.ma-point--concern"))).hasSize(7);
            assertThat(chart.findElements(By.cssSelector("circle.ma-point--improvement"))).hasSize(7);
            assertThat(chart.getAttribute("aria-label")).isEqualTo(
                    "Charts with drug allergy status documented (%), AMU");
            // The PDSA cycle is drawn on that chart as band and numbered label, and listed with the same number.
            assertThat(chart.findElements(By.cssSelector("rect.ma-annotation-band.ma-annotation--pdsa"))).hasSize(1);
            WebElement label = chart.findElement(By.cssSelector("g.ma-annotation-label[data-annotation='1']"));
            assertThat(label.getText()).isEqualTo("1");
            assertThat(browser.find(By.cssSelector(".ma-annotation-list li[data-annotation='1']")).getText())
                    .contains("Allergy <stickers> on every drug chart").contains("PDSA cycle")
                    .contains("Owner: Ward manager");
            // The glance row names the signal in words as well as colour.
            assertThat(browser.find(By.cssSelector(".ma-glance")).getText())
                    .contains("Special cause improvement (high)");
            // The chart's numbers are in its data table, the cycle beside its months.
            assertThat(browser.find(By.cssSelector("#measure-" + MEASURE + " details")).getAttribute("innerHTML"))
                    .contains("1. Allergy &lt;stickers&gt; on every drug chart");
        }
    }

    @Test
    @DisplayName("the site page plots W12 on the funnel and leaves out AMU, whose one chart a month is fewer than 5")
    void sitePageSuppressesSmallNumbers() {
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn("pharmacist", People.PASSWORD).open("/sites/RGH?measure=" + MEASURE + "&" + range());

            WebElement funnel = browser.find(By.cssSelector("svg.ma-funnel"));
            assertThat(funnel.findElements(By.cssSelector("[data-ward='W12']"))).hasSize(1);
            assertThat(funnel.findElements(By.cssSelector("[data-ward='AMU']"))).isEmpty();
            assertThat(funnel.getAttribute("innerHTML")).contains("1 ward is not plotted");
            WebElement amu = browser.find(By.cssSelector(".ma-funnel-table tr[data-ward='AMU']"));
            assertThat(amu.getText()).contains("fewer than 5").contains("not shown");
            assertThat(browser.find(By.cssSelector(".ma-funnel-table tr[data-ward='W12']")).getText())
                    .contains("6").contains("100");
            // Every open ward has its small multiple. AMU audited one chart a month: outside the ward none of its
            // months is drawn — a 0% of one chart says as much about that patient as a 100% — nor its chart count.
            assertThat(browser.findAll(By.cssSelector(".ma-multiple"))).hasSize(5);
            WebElement amuTile = browser.find(By.cssSelector(".ma-multiple[data-ward='AMU']"));
            assertThat(amuTile.findElements(By.cssSelector("circle.ma-point"))).isEmpty();
            assertThat(amuTile.findElements(By.cssSelector("rect.ma-gap--suppressed"))).hasSize(14);
            assertThat(amuTile.getText()).contains("fewer than 5 of").doesNotContain("1 of");
        }
    }

    @Test
    @DisplayName("a ward user cannot open a ward or a site outside their scope")
    void scopeIsEnforced() {
        Http ward = People.signedIn(server, users, "w12-team", List.of(Roles.WARD),
                new Scope(java.util.Set.of(), java.util.Set.of("W12")));
        assertThat(ward.get("/wards/W12", Http.BROWSER_ACCEPT).status()).isEqualTo(200);
        assertThat(ward.get("/wards/AMU", Http.BROWSER_ACCEPT).status()).isEqualTo(403);
        assertThat(ward.get("/sites/RGH", Http.BROWSER_ACCEPT).status()).isEqualTo(403);
        assertThat(ward.get("/wards/NOPE", Http.BROWSER_ACCEPT).status()).isEqualTo(404);
    }
}
