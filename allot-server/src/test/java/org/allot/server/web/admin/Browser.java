package org.allot.server.web.admin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (nothing is downloaded): what an
 * administrator does in the admin center, step by step.
 */
public final class Browser implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CHROMIUM = System.getProperty("allot.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("allot.test.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    public static Browser start(String base) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The admin center's browser tests need Chromium and its driver: install the"
                    + " Debian packages 'chromium chromium-driver' (.ci/run does), or point -Dallot.test.chromium and"
                    + " -Dallot.test.chromedriver at them.");
        }
        try {
            Path profile = Files.createTempDirectory("allot-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    "--disable-extensions",
                    "--disable-background-networking",
                    "--no-first-run",
                    "--lang=en-US",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1440, 1000));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.cssSelector("button[type=submit]"));
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** An attribute of an element that htmx may be swapping out while it is read; reads the element that is there. */
    public String attribute(By by, String name) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> Optional.ofNullable(d.findElement(by).getDomAttribute(name))
                        .orElse(""));
    }

    /**
     * Clicks an element once it can be clicked, scrolled to the middle of the window as a person would (at once:
     * Bootstrap's smooth scrolling would still be moving the page when the click lands). A click that submits a form
     * waits for the next page, so that what is read next is read from it and not from the page that was left.
     */
    public void click(By by) {
        WebElement element = clickable(by);
        boolean submits = submits(element) && !asksFirst(element);
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (submits) {
            awaitNextPage(page);
        }
    }

    /** Clicks, then accepts the confirmation the page asks for (and waits for the next page when a form was sent). */
    public void clickAndConfirm(By by) {
        WebElement element = clickable(by);
        boolean submits = submits(element);
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        Alert alert = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.alertIsPresent());
        alert.accept();
        if (submits) {
            awaitNextPage(page);
        }
    }

    private WebElement clickable(By by) {
        WebElement element = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    /** Whether clicking sends a form the browser will accept, as a full page load (not htmx). */
    private boolean submits(WebElement element) {
        return Boolean.TRUE.equals(script(
                "var e = arguments[0], f = e.form;"
                        + " return !!f && e.type === 'submit' && f.checkValidity()"
                        + " && !f.hasAttribute('hx-post') && !f.hasAttribute('hx-get');",
                element));
    }

    /** Whether the page asks for a confirmation before sending the form. */
    private boolean asksFirst(WebElement element) {
        return Boolean.TRUE.equals(script(
                "var e = arguments[0]; return !!(e.dataset.confirm || (e.form && e.form.dataset.confirm));", element));
    }

    private void awaitNextPage(WebElement page) {
        new WebDriverWait(driver, PATIENCE).until(d -> left(page));
        new WebDriverWait(driver, PATIENCE)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page an element belonged to was left: the element is stale, or (as Chromium also says while the
     * next page replaces the document) its node no longer belongs to the document.
     */
    private static boolean left(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    public void selectByValue(By by, String value) {
        new Select(find(by)).selectByValue(value);
    }

    public void selectByText(By by, String text) {
        new Select(find(by)).selectByVisibleText(text);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // a condition that reloads the page may find the renderer busy for a moment: it is asked again
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.TimeoutException.class)
                .until(condition);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A screenshot of the window into {@code target/screenshots}, for the README and for looking at failures. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the window (a phone is 390 pixels wide). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The serious and critical violations axe-core (bundled with Deque's Selenium integration, injected into the page)
     * finds in the page as it is, one line each: the impact, the rule and the first elements it concerns. Checking
     * colour contrast, the slowest rule, can be left out (when the same page was checked at another width).
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations(boolean contrast) {
        if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined';"))) {
            script(Axe.SOURCE);
        }
        Object found = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + " axe.run(document, {resultTypes: ['violations'], rules: {'color-contrast': {enabled: arguments[0]}}})"
                                + " .then(function (r) {"
                                + "   done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                                + "     .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3)"
                                + "       .map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || ''); }).join(' | '); }));"
                                + " }).catch(function (e) { done(['axe failed: ' + e]); });",
                        contrast);
        return (List<String>) found;
    }

    /** axe-core's script, read once. */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "axe.min.js is not on the test classpath (com.deque.html.axe-core)");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String source() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
