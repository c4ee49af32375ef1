package dev.tarmac.portal;

import dev.tarmac.support.Await;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, pointed at the running portal, with the helpers
 * they share (screenshots into {@code target/screenshots}, script, keys). CI installs Chromium
 * ({@code .ci/run}); elsewhere, without it, the tests are skipped with a message.
 */
final class Chromium {

  static final List<String> ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic");

  final WebDriver driver;
  final WebDriverWait wait;
  final String base;

  private Chromium(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Starts Chromium at a desktop size and waits until the demo organisation is in the portal. */
  static Chromium start(int port) throws IOException {
    boolean present =
        new File("/usr/bin/chromium").canExecute()
            && new File("/usr/bin/chromedriver").canExecute();
    if (System.getenv("CI") != null && !present) {
      throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver");
    }
    Assumptions.assumeTrue(
        present, "Chromium not installed: apt-get install chromium chromium-driver to run this");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments(ARGS);
    o.addArguments("--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    Chromium c = new Chromium(new ChromeDriver(service, o), "http://127.0.0.1:" + port);
    c.desktop();
    Await.until(
        "the demo organisation to load",
        Duration.ofSeconds(60),
        () -> {
          c.driver.get(c.base + "/catalog/default/component/booking-service");
          return c.driver.getTitle().startsWith("Booking Service");
        });
    return c;
  }

  void quit() {
    driver.quit();
  }

  void desktop() {
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  void get(String path) {
    driver.get(base + path);
  }

  void shot(String name) throws IOException {
    Path dir = Path.of("target/screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /**
   * The console errors the browser logged since the last call: failed loads (a 404 for an icon,
   * script or stylesheet) and uncaught script errors.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }
}
