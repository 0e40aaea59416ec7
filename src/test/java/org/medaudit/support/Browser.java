package org.medaudit.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, for page
 * tests. Use it on classes marked {@code @EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")},
 * so that a machine without the browser skips them loudly and CI fails instead.
 *
 * <p>It counts the keys a test presses through {@link #type} and {@link #press}, so that a test can report how
 * many keystrokes a task took: the measure of how quick the form is to fill in.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("medaudit.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("medaudit.test.chromedriver",
            "/usr/bin/chromedriver");

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;
    private int keystrokes;

    public Browser(URI base) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("medaudit-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the network flags Chromium's background connections are refused one by one on a closed
        // network, and without the resolver rule some first page loads stall for seconds on DNS.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--window-size=1280,900", "--lang=en-GB",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application, by its path. */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Signs in through the real login page, with the mouse-free path a keyboard user takes. */
    public Browser signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** The path of the page now shown. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Text typed into whatever has the focus, each character counted as one keystroke. */
    public Browser type(CharSequence text) {
        keystrokes += text.length();
        new Actions(driver).sendKeys(text).perform();
        return this;
    }

    /** Keys pressed on whatever has the focus (Tab, Enter, arrows), each counted as one keystroke. */
    public Browser press(Keys... keys) {
        keystrokes += keys.length;
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** How many keys have been pressed through {@link #type} and {@link #press}. */
    public int keystrokes() {
        return keystrokes;
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Waits until a condition holds on the page. */
    public <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    /** A PNG of the whole page, beyond the viewport, for the screenshots in docs/. */
    public void screenshot(Path file) {
        Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("Could not delete the Chromium profile " + profile + ": " + e.getMessage());
            }
        }
    }
}
