package dev.tarmac.metrics.demo;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.metrics.IntakeResult;
import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.shared.TarmacSettings;
import java.time.Duration;
import java.time.Instant;
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
 * the background, once the catalog knows the services or after a minute), as any client would: the
 * days since the last start are added, the others are duplicates.
 */
@Component
class DemoDeliveryLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDeliveryLoader.class);
  private static final Duration CATALOG_WAIT = Duration.ofMinutes(1);
  private final DeliveryMetrics metrics;
  private final Catalog catalog;
  private final TarmacSettings settings;

  DemoDeliveryLoader(DeliveryMetrics metrics, Catalog catalog, TarmacSettings settings) {
    this.metrics = metrics;
    this.catalog = catalog;
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
                // Events of services the catalog does not know yet are kept and counted once it
                // does; waiting for the demo catalog first attributes them at once.
                awaitServices(CATALOG_WAIT);
                IntakeResult r = load(LocalDate.now(ZoneOffset.UTC));
                log.info(
                    "Demo delivery history: {} events stored, {} already there",
                    r.accepted(),
                    r.duplicates());
              } catch (RuntimeException e) {
                log.warn("Could not store the demo delivery history: {}", e.toString());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-delivery");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Waits until every demo service is a component in the catalog, or for {@code atMost}; returns
   * whether they all are.
   */
  boolean awaitServices(Duration atMost) throws InterruptedException {
    List<String> refs =
        DemoDeliveryHistory.HABITS.stream().map(h -> "component:default/" + h.service()).toList();
    Instant until = Instant.now().plus(atMost);
    while (catalog.present(refs).size() < refs.size()) {
      if (Instant.now().isAfter(until)) {
        return false;
      }
      Thread.sleep(250);
    }
    return true;
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
