package dev.o2c.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless chromium driven through chromedriver, as a finance user would click through the workspace. */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: no background traffic, no sandbox as root, a fresh profile.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory("o2c-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1000));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(user);
        find("#login").click();
        waitFor("#whoami");
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(String css) {
        return waitFor(css);
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** As {@link #waitForText(String, String)}, for what the page is meant to take longer than the usual 30 s. */
    void waitForText(String css, String text, Duration patience) {
        new WebDriverWait(driver, patience)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /**
     * Clicks the element {@code locate} finds, locating it again when the page re-rendered it in between (a list that
     * reloads after its first load replaces its rows, and for a moment has none).
     */
    void clickFresh(java.util.function.Supplier<WebElement> locate) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(java.util.NoSuchElementException.class)
                .until(ignored -> {
                    locate.get().click();
                    return true;
                });
    }

    void waitUntilGone(String css, String text) {
        wait.until(ignored -> !driver.findElement(By.cssSelector(css)).getText().contains(text));
    }

    /** Form-js radios and checkboxes are picked by their label, as a person would. */
    void choose(String labelText) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//div[@id='form']//label[contains(normalize-space(.), '" + labelText + "')]")))
                .click();
    }

    /** Opens, from the inbox table, the task of this business key (other tests' tasks may be listed too). */
    void openTaskFor(String businessKey) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//table[@id='task-table']//tr[td[normalize-space(.)='" + businessKey
                                + "']]//a[contains(@class, 'open-task')]")))
                .click();
    }

    /** Types into the form-js field with this label. */
    void fill(String labelText, String value) {
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='form']//label[contains("
                        + "normalize-space(.), '" + labelText + "')]/following::*[self::input or self::textarea][1]")));
        input.click();
        input.sendKeys(value);
        // form-js debounces typing (300 ms) and a re-render while another field's change is pending wipes what was
        // typed; type like a person, field after field.
        pause(Duration.ofMillis(500));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String title() {
        return driver.getTitle();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
