package dev.tarmac.metrics.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** With the demo on, the demo services have a delivery history from the first start. */
@TarmacTest
class DemoDeliveryLoaderIT {

  @Autowired Environment env;
  @Autowired DemoDeliveryLoader loader;

  @Test
  void theDemoTeamsHaveTwelveWeeksOfDeliveryAndLoadingAgainAddsNothing()
      throws InterruptedException {
    Api api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    // The loader waits for the demo catalog (every service it makes history for is a component
    // there), then posts the events.
    assertThat(loader.awaitServices(Duration.ofSeconds(60))).isTrue();
    Await.until(
        "the demo's delivery to count for shipment-core",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/delivery/metrics?scope=team:shipment-core")
                    .json()
                    .path("deploymentFrequency")
                    .path("deployments")
                    .asLong()
                > 50);
    JsonNode team = api.get("/api/delivery/metrics?scope=team:shipment-core").json();
    assertThat(team.path("leadTimeForChanges").path("changes").asLong()).isPositive();
    // Loading the same days again stores nothing (the first call here may add a day, should the
    // date have changed since start-up).
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    loader.load(today);
    IntakeResult again = loader.load(today);
    assertThat(again.accepted()).isZero();
    assertThat(again.duplicates()).isGreaterThan(500);
  }
}
