package org.medaudit.report.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medaudit.demo.DemoNetwork;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.UserRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Browser;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The printed progress report with demo data in a real browser, on screen and as print media, saved to
 * docs/screenshots. Run on demand (it fills two years of demo audits first):
 * {@code mvn -o test -Dtest=ProgressReportScreenshotTest -Dmedaudit.screenshots=true}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")
@EnabledIfSystemProperty(named = "medaudit.screenshots", matches = "true")
class ProgressReportScreenshotTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    Clock clock;

    @Inject
    DemoNetwork demo;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        properties.put("medaudit.demo.months", "24");
        properties.put("medaudit.demo.wards", "AMU");
        return properties;
    }

    @Test
    @DisplayName("the latest report of a demo ward that improved, on screen and printed: no navigation on paper")
    void screenshotOfTheReport() {
        demo.fillIfEmpty();
        users.create(new UserRequests.NewUser("lead", "Improvement Lead", People.PASSWORD,
                List.of(Roles.PHARMACIST), Scope.NONE));
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        String month = last.toString(); // the latest report: months of improvement behind it, with their signals
        try (Browser browser = new Browser(server.getURI())) {
            browser.signIn("lead", People.PASSWORD).open("/wards/AMU/reports/" + month);
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Monthly progress report");
            browser.screenshot(Path.of("docs/screenshots/progress-report.png"));

            ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.find(By.cssSelector(".medaudit-header")).isDisplayed()).isFalse();
            assertThat(browser.find(By.cssSelector(".medaudit-report__actions")).isDisplayed()).isFalse();
            browser.screenshot(Path.of("docs/screenshots/progress-report-print.png"));
        }
    }
}
