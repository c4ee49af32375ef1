package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every portal page at a phone's width (390 px) in headless Chromium: nothing scrolls sideways
 * (tables, code and the graph scroll in their own boxes), with a whole-page screenshot of each in
 * {@code target/screenshots/phone-*.png}.
 */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPhoneIT {

  static final int WIDTH = 390;
  static final int HEIGHT = 844;

  @Autowired Environment env;
  Chromium chromium;
  WebDriver driver;

  @BeforeAll
  void start() throws Exception {
    chromium = Chromium.start(Integer.parseInt(env.getProperty("local.server.port")));
    driver = chromium.driver;
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.quit();
    }
  }

  long number(String script) {
    return ((Number) chromium.js(script)).longValue();
  }

  @Test
  void everyPageFitsAPhoneWithoutSidewaysScrolling() throws Exception {
    List<String> pages = new ArrayList<>();
    pages.addAll(
        List.of(
            "/",
            "/catalog",
            "/catalog?filters%5Bkind%5D=component&sort=-owner",
            "/catalog/default/component/booking-service",
            "/catalog/default/group/shipment-core",
            "/catalog/default/user/amara.okafor",
            "/catalog/default/api/booking-api",
            "/catalog/default/api/shipment-events",
            "/catalog/default/api/route-planning-api",
            "/search?query=ship",
            "/catalog-import",
            "/create",
            "/create/templates/default/spring-boot-rest-service",
            "/delivery",
            "/delivery/teams/shipment-core",
            "/catalog/default/component/booking-servic",
            "/no/such/page"));
    pages.add("/create/tasks/" + finishedTask());
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    try {
      assertThat(number("return window.innerWidth")).isLessThanOrEqualTo(400);
      List<String> overflowing = new ArrayList<>();
      for (String page : pages) {
        chromium.get(page);
        if (page.equals("/catalog-import")) {
          // The analysis is where long entity names and file paths meet a narrow screen.
          new Select(driver.findElement(By.id("type"))).selectByValue("file");
          driver
              .findElement(By.id("target"))
              .sendKeys(PortalFixtures.renamedExample("phone").toString());
          driver.findElement(By.cssSelector("form[action$=analyze] button")).click();
          chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
        }
        long width = number("return document.documentElement.scrollWidth");
        long viewport = number("return document.documentElement.clientWidth");
        if (width > viewport) {
          overflowing.add(page + " is " + width + "px wide in a " + viewport + "px viewport");
        }
        // The whole page in one picture: a window as tall as the page.
        long height = number("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(height + 120, 6000)));
        String name = page.startsWith("/create/tasks/") ? "/task" : page;
        chromium.shot("phone" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""));
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
      }
      assertThat(overflowing).isEmpty();
    } finally {
      chromium.desktop();
    }
  }

  /** Runs the Spring Boot golden path through the API and returns the finished task's id. */
  String finishedTask() {
    Api api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    String name = "phone-" + Long.toString(System.currentTimeMillis(), 36);
    String body =
        "{\"templateRef\":\"template:default/spring-boot-rest-service\",\"values\":{\"name\":\""
            + name
            + "\",\"owner\":\"group:default/shipment-core\",\"javaPackage\":\"com.example.p\","
            + "\"repoUrl\":\"git.tarmac.local?owner=acme&repo="
            + name
            + "\"}}";
    String id = api.post("/api/scaffolder/v2/tasks", body).json().path("id").asString();
    Await.until(
        "the task to finish",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/scaffolder/v2/tasks/" + id)
                .json()
                .path("status")
                .asString()
                .matches("completed|failed"));
    return id;
  }
}
