package org.medaudit.report;

import java.net.URI;
import java.nio.file.Path;
import org.medaudit.support.Browser;

/**
 * Takes the screenshots in docs/screenshots of a running MedAudit with demo data. Not a test: run it by hand against
 * a service started with {@code --medaudit.demo.enabled=true} and a known admin password, e.g.
 * {@code mvn -q -o test-compile exec:java}-style, or from an IDE with arguments
 * {@code http://localhost:8080 admin <password>}.
 */
public final class PageScreenshots {

    private PageScreenshots() {
    }

    public static void main(String[] args) {
        try (Browser browser = new Browser(URI.create(args[0]))) {
            browser.signIn(args[1], args[2]);
            browser.open("/wards/AMU");
            browser.screenshot(Path.of("docs/screenshots/ward-page.png"));
            browser.open("/sites/RGH");
            browser.screenshot(Path.of("docs/screenshots/site-page.png"));
            browser.open("/");
            browser.screenshot(Path.of("docs/screenshots/home-page.png"));
        }
    }
}
