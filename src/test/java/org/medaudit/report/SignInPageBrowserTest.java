package org.medaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.UserRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Browser;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Signing in and out in a real browser, with the keyboard alone. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")
class SignInPageBrowserTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.configured();
    }

    @Test
    @DisplayName("a pharmacist signs in with the keyboard alone and lands on the wards page with their name shown")
    void signInWithTheKeyboard() {
        users.create(new UserRequests.NewUser("kbd", "Kay Board", People.PASSWORD, List.of(Roles.PHARMACIST),
                Scope.NONE));
        try (Browser browser = new Browser(server.getURI())) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/login");
            // The username field has the focus on arrival, so no click is needed.
            browser.type("kbd").press(Keys.TAB).type(People.PASSWORD).press(Keys.ENTER);
            browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));

            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.find(By.cssSelector(".medaudit-header__user")).getText()).isEqualTo("Kay Board");
            assertThat(browser.keystrokes()).isEqualTo(3 + 1 + People.PASSWORD.length() + 1);
        }
    }

    @Test
    @DisplayName("a wrong password shows the error on the sign-in page, not a browser error")
    void wrongPassword() {
        try (Browser browser = new Browser(server.getURI())) {
            browser.open("/login");
            browser.type("nobody").press(Keys.TAB).type("wrong password").press(Keys.ENTER);
            browser.waitFor(d -> d.getPageSource().contains("not right"));
            assertThat(browser.find(By.tagName("h1")).getText()).containsIgnoringCase("sign in");
        }
    }
}
