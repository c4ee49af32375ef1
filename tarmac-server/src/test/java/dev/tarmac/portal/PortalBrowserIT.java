package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What a developer does in the portal, in Debian's headless Chromium ({@link Chromium}), with a
 * screenshot of each page in {@code target/screenshots}: by mouse, and by keyboard alone.
 */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

  @Autowired Environment env;
  Chromium chromium;
  WebDriver driver;
  WebDriverWait wait;
  String base;

  @BeforeAll
  void start() throws Exception {
    chromium = Chromium.start(Integer.parseInt(env.getProperty("local.server.port")));
    driver = chromium.driver;
    wait = chromium.wait;
    base = chromium.base;
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.quit();
    }
  }

  void shot(String name) throws Exception {
    chromium.shot(name);
  }

  Object js(String script, Object... args) {
    return chromium.js(script, args);
  }

  WebElement focused() {
    return chromium.focused();
  }

  void press(CharSequence... keys) {
    chromium.press(keys);
  }

  @Test
  void findAComponentByTypingOpenItAndFollowTheOwner() throws Exception {
    driver.get(base + "/");
    wait.until(ExpectedConditions.titleContains("Home"));
    shot("home");
    driver.get(base + "/catalog");
    shot("catalog");
    driver.findElement(By.id("q")).sendKeys("booking serv");
    wait.until(ExpectedConditions.urlContains("q=booking"));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 1));
    driver.findElement(By.linkText("Booking Service")).click();
    wait.until(ExpectedConditions.titleContains("Booking Service"));
    shot("entity");
    driver.findElement(By.linkText("shipment-core")).click();
    wait.until(ExpectedConditions.urlContains("/catalog/default/group/shipment-core"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Group");
    shot("group");
    driver.get(base + "/catalog/default/api/booking-api");
    shot("api");
    driver.get(base + "/catalog/default/api/shipment-events");
    js("document.getElementById('definition').scrollIntoView()");
    shot("api-definition");
    driver.get(base + "/search?query=tracking");
    shot("search");
    driver.get(base + "/delivery");
    shot("delivery");
    driver.get(base + "/catalog/default/component/booking-servic");
    shot("not-found");
  }

  @Test
  void everyPageLoadsWhatItAsksForWithoutScriptErrors() {
    chromium.consoleErrors(); // what earlier tests left in the log
    for (String path :
        List.of(
            "/",
            "/catalog",
            "/catalog?filters%5Bkind%5D=api&sort=-name",
            "/catalog/default/component/booking-service",
            "/catalog/default/api/shipment-events",
            "/catalog/default/group/shipment-core",
            "/search?query=booking",
            "/create",
            "/create/templates/default/spring-boot-rest-service",
            "/delivery",
            "/catalog-import")) {
      driver.get(base + path);
      wait.until(d -> "complete".equals(js("return document.readyState")));
      assertThat(chromium.consoleErrors()).as(path).isEmpty();
    }
  }

  @Test
  void skipToTheCatalogAndSearchAndFilterByKeyboardOnly() throws Exception {
    driver.get(base + "/catalog");
    press(Keys.TAB);
    assertThat(focused().getText()).isEqualTo("Skip to content");
    assertThat(focused().getCssValue("left")).isNotEqualTo("-999px"); // shown when focused
    shot("keyboard-skip-link");
    press(Keys.ENTER);
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("q");
    assertThat(focused().getCssValue("outline-style")).isEqualTo("solid");
    String before = driver.findElement(By.id("result-count")).getText();
    js("document.getElementById('result-count').dataset.kept = 'yes'");
    press("booking");
    wait.until(ExpectedConditions.urlContains("q=booking"));
    wait.until(d -> !d.findElement(By.id("result-count")).getText().equals(before));
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("f-kind");
    // Typing picks the option, as it does in any select; the table follows, focus stays put.
    press("Component");
    wait.until(d -> d.getCurrentUrl().toLowerCase().contains("filters%5bkind%5d=component"));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#results tbody td:nth-child(2)")).stream()
                .allMatch(td -> td.getText().equals("Component")));
    assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).isNotEmpty();
    assertThat(focused().getAttribute("id")).isEqualTo("f-kind");
    assertThat(focused().getCssValue("outline-style")).isEqualTo("solid");
    assertThat(driver.findElement(By.id("result-count")).getText()).matches("\\d+ entit(y|ies)");
    // The live region is the same element throughout, so screen readers announced each count.
    assertThat(js("return document.getElementById('result-count').dataset.kept")).isEqualTo("yes");
    shot("keyboard-catalog");
    // Sorting is a link in each header: reachable by Tab, followed with Enter.
    WebElement kindHeader = driver.findElement(By.cssSelector("th a[href*='sort=kind']"));
    for (int i = 0; i < 40 && !focused().equals(kindHeader); i++) {
      press(Keys.TAB);
    }
    assertThat(focused()).isEqualTo(kindHeader);
    press(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("sort=kind"));
    assertThat(driver.findElement(By.cssSelector("th[aria-sort]")).getText()).startsWith("Kind");
  }

  @Test
  void theRelationGraphIsOperableByKeyboard() throws Exception {
    driver.get(base + "/catalog/default/component/booking-service");
    for (int i = 0;
        i < 120 && js("return !!document.activeElement.closest('svg.graph')").equals(false);
        i++) {
      press(Keys.TAB);
    }
    WebElement node = focused();
    assertThat(node.getTagName()).isEqualTo("a");
    String target = node.getDomAttribute("href");
    js("arguments[0].scrollIntoView({block: 'center'})", node);
    shot("keyboard-graph");
    press(Keys.ENTER);
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("booking-service")));
    assertThat(driver.getCurrentUrl()).isEqualTo(base + target);
  }

  @Test
  void registerALocationFromTheBackstageExamples() throws Exception {
    Path file = PortalFixtures.renamedExample("browser");
    driver.get(base + "/catalog-import");
    // The button follows the target field closely (the field once grew a blank 16rem tall).
    WebElement target = driver.findElement(By.id("target"));
    WebElement analyse = driver.findElement(By.cssSelector("form[action$=analyze] button"));
    assertThat(analyse.getRect().getY() - (target.getRect().getY() + target.getRect().getHeight()))
        .isBetween(0, 40);
    assertThat(analyse.getRect().getWidth()).isLessThan(target.getRect().getWidth() / 2);
    new Select(driver.findElement(By.id("type"))).selectByValue("file");
    driver.findElement(By.id("target")).sendKeys(file.toString());
    driver.findElement(By.cssSelector("form[action$=analyze] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
    assertThat(driver.findElement(By.cssSelector("section:has(#analysis) tbody")).getText())
        .contains("browser-artist-lookup");
    shot("import-analysis");
    driver.findElement(By.cssSelector("form[action='/catalog-import'] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
    // The notice follows the location's processing until nothing under it is left to do.
    WebElement done =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("p.notice[data-location] [data-progress][data-done]")));
    String id =
        driver.findElement(By.cssSelector("p.notice[data-location]")).getAttribute("data-location");
    String progress = get("/api/catalog/locations/" + id + "/progress");
    assertThat(progress).contains("\"target\":\"" + file + "\"").contains("\"withErrors\":0");
    // The component and the Location entity generated for the registration.
    assertThat(progress).contains("\"read\":2").contains("\"inCatalog\":2");
    assertThat(done.getText()).isEqualTo("2 entities from this location are in the catalog.");
    shot("import-done");
    Await.until(
        "the registered component in the catalog",
        Duration.ofSeconds(30),
        () -> {
          driver.get(base + "/catalog/default/component/browser-artist-lookup");
          return !driver.getTitle().startsWith("Not found");
        });
  }

  /** The body of a GET that must answer 200. */
  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void runAGoldenPathThroughTheWizard() throws Exception {
    String name = "browser-svc-" + Long.toString(System.currentTimeMillis(), 36);
    driver.get(base + "/create");
    shot("create");
    driver.findElement(By.cssSelector("a[aria-label='Choose Spring Boot REST service']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("p-name")));
    WebElement field = driver.findElement(By.id("p-name"));
    field.sendKeys("Not A Valid Name");
    new Select(driver.findElement(By.id("p-owner"))).selectByValue("group:default/shipment-core");
    driver.findElement(By.cssSelector("button[value=next]")).click();
    // The browser keeps the page and explains, before anything reaches the server.
    String message =
        (String)
            ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('p-name').validationMessage");
    assertThat(message).isNotBlank();
    assertThat(driver.findElement(By.cssSelector("input[name=step]")).getAttribute("value"))
        .isEqualTo("0");
    shot("wizard-invalid");
    field = driver.findElement(By.id("p-name"));
    field.clear();
    field.sendKeys(name);
    driver.findElement(By.cssSelector("button[value=next]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("p-repoUrl-owner")));
    driver.findElement(By.id("p-repoUrl-owner")).sendKeys("acme");
    driver.findElement(By.id("p-repoUrl-repo")).sendKeys(name);
    shot("wizard-repository");
    driver.findElement(By.cssSelector("button[value=next]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=create]")));
    assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains(name);
    shot("wizard-review");
    driver.findElement(By.cssSelector("button[value=create]")).click();
    wait.until(ExpectedConditions.urlContains("/create/tasks/"));
    js("document.getElementById('log').dataset.kept = 'yes'");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("h1 .status"), "completed"));
    shot("task-completed");
    // The log is one live region, kept while the page polled, each line once.
    List<String> lines =
        driver.findElements(By.cssSelector("#log .log-line")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(lines).isNotEmpty().doesNotHaveDuplicates();
    assertThat(lines.get(lines.size() - 1)).containsIgnoringCase("completed");
    assertThat(js("return document.getElementById('log').dataset.kept")).isEqualTo("yes");
    driver.findElement(By.linkText("Open in catalog")).click();
    Await.until(
        "the new component in the catalog",
        Duration.ofSeconds(30),
        () -> {
          if (driver.getTitle().startsWith("Not found")) {
            driver.navigate().refresh();
            return false;
          }
          return true;
        });
    assertThat(driver.getCurrentUrl()).endsWith("/catalog/default/component/" + name);
    shot("new-entity");
    driver.get(base + "/catalog?q=" + name);
    assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
  }
}
