package dev.tarmac.metrics.demo;

import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.shared.TarmacSettings;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With the demo on, posts the demo services' delivery history through the intake at start-up (in
 * the background), as any client would: the days since the last start are added, the others are
 * duplicates.
 */
@Component
class DemoDeliveryLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDeliveryLoader.class);
  private final DeliveryMetrics metrics;
  private final TarmacSettings settings;

  DemoDeliveryLoader(DeliveryMetrics metrics, TarmacSettings settings) {
    this.metrics = metrics;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.demo()) {
      return;
    }
    // Off the main thread: start-up and the catalog's first registrations do not wait for it.
    Thread t =
        new Thread(
            () -> {
              try {
                IntakeResult r = load(LocalDate.now(ZoneOffset.UTC));
                log.info(
                    "Demo delivery history: {} events stored, {} already there",
                    r.accepted(),
                    r.duplicates());
              } catch (RuntimeException e) {
                log.warn("Could not store the demo delivery history: {}", e.toString());
              }
            },
            "demo-delivery");
    t.setDaemon(true);
    t.start();
  }

  /** Posts the history of the weeks before {@code today}; what is already stored is ignored. */
  IntakeResult load(LocalDate today) {
    List<Deployment> deployments = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Incident> incidents = new ArrayList<>();
    DemoDeliveryHistory.days(today, deployments, changes, incidents);
    return metrics.accept(deployments, changes, incidents);
  }
}
