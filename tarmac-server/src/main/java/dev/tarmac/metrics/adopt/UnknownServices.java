package dev.tarmac.metrics.adopt;

import dev.tarmac.catalog.CatalogChanged;
import dev.tarmac.metrics.store.DeliveryStore;
import dev.tarmac.metrics.store.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps delivery services in step with the catalog. A change to this replica's components makes the
 * services view re-read at once and events stored under names the catalog did not know move to the
 * components now known by those names; every 30 s the names are checked again, for components other
 * replicas registered.
 */
@Component
public class UnknownServices {

  private static final Logger log = LoggerFactory.getLogger(UnknownServices.class);
  private static final Duration SWEEP = Duration.ofSeconds(30);

  private final Services services;
  private final DeliveryStore store;
  private final TransactionTemplate tx;
  private final AtomicBoolean requested = new AtomicBoolean(true);
  private volatile Instant nextSweep = Instant.EPOCH;

  /** Creates the follower. */
  public UnknownServices(Services services, DeliveryStore store, TransactionTemplate tx) {
    this.services = services;
    this.store = store;
    this.tx = tx;
  }

  /** Once the catalog's change is committed: re-read the view, adopt soon (not in this thread). */
  @TransactionalEventListener(fallbackExecution = true)
  public void catalogChanged(CatalogChanged event) {
    if (event.entityRefs().stream().anyMatch(r -> r.startsWith("component:"))) {
      services.forget();
      requested.set(true);
    }
  }

  /** Asks for an adoption pass soon (an intake stored events while the catalog was changing). */
  public void request() {
    requested.set(true);
  }

  /** Runs a pass when one was asked for, and every 30 s. */
  @Scheduled(initialDelay = 1_000, fixedDelay = 500)
  public void tick() {
    if (!requested.getAndSet(false) && Instant.now().isBefore(nextSweep)) {
      return;
    }
    nextSweep = Instant.now().plus(SWEEP);
    try {
      adoptKnown();
    } catch (RuntimeException e) {
      requested.set(true);
      log.warn("Moving events of newly known services failed; retrying: {}", e.toString());
    }
  }

  /** Moves the events of every name the catalog now knows; returns how many names moved. */
  public int adoptKnown() {
    int moved = 0;
    for (String name : store.unknownNames()) {
      String ref = services.resolve(name);
      if (ref != null && Boolean.TRUE.equals(tx.execute(s -> store.adopt(name, ref)))) {
        log.info("Events stored for unknown service '{}' now count for {}", name, ref);
        moved++;
      }
    }
    return moved;
  }
}
