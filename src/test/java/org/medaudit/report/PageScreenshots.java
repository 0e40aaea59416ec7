package org.medaudit.report;

import java.net.URI;
import java.nio.file.Path;
import org.medaudit.support.Browser;

/**
 * Takes the screenshots in docs/screenshots of a running MedAudit with demo data. Not a test: start the service with
 * {@code MEDAUDIT_ADMIN_PASSWORD=… java -jar target/medaudit.jar --medaudit.demo.enabled=true}, wait for "Demo data
 * ready", then {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt && mvn -q test-compile && java -cp
 * target/test-classes:target/classes:$(cat cp.txt) org.medaudit.report.PageScreenshots http://localhost:8080 admin
 * <password>}. It records one PDSA cycle on AMU through the annotation form when AMU has none.
 */
public final class PageScreenshots {

    private PageScreenshots() {
    }

    public static void main(String[] args) {
        try (Browser browser = new Browser(URI.create(args[0]))) {
            browser.signIn(args[1], args[2]);
            browser.open("/wards/AMU");
            if (browser.findAll(org.openqa.selenium.By.cssSelector(".ma-annotation-list")).isEmpty()) {
                // The demo has no annotations yet: record one through the form, as a ward team would.
                browser.open("/wards/AMU/annotations/new");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('title').value = 'Pharmacist on the post-take ward round';"
                        + "document.getElementById('description').value = 'A pharmacist joins the morning post-take"
                        + " round to check new prescriptions at the bedside.';"
                        + "document.getElementById('owner').value = 'AMU ward manager';"
                        + "document.getElementById('startDate').value = arguments[0];"
                        + "document.getElementById('endDate').value = arguments[1];",
                        java.time.YearMonth.now().minusMonths(12).atDay(1).toString(),
                        java.time.YearMonth.now().minusMonths(10).atDay(15).toString());
                browser.find(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
                browser.waitFor(d -> !d.getCurrentUrl().endsWith("/new"));
                System.out.println(browser.driver().getCurrentUrl() + "\n" + browser.find(
                        org.openqa.selenium.By.tagName("main")).getText().lines().limit(8).toList());
                browser.open("/wards/AMU");
            }
            browser.screenshot(Path.of("docs/screenshots/ward-page.png"));
            browser.open("/sites/RGH");
            browser.screenshot(Path.of("docs/screenshots/site-page.png"));
            browser.open("/");
            browser.screenshot(Path.of("docs/screenshots/home-page.png"));
        }
    }
}
