package dev.tarmac.catalog.ops;

import dev.tarmac.catalog.query.EntityQueries;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.shared.UrlReader;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Catalog figures for Prometheus: entities by kind, the processing and stitching queues, entities
 * with processing errors, and the age of the last change; refreshed every 15 seconds.
 */
@Component
public class CatalogMetrics {

  private final FinalEntities finals;
  private final EntityQueries queries;
  private final RefreshStates states;
  private final RefreshQueue queue;
  private final MultiGauge byKind;
  private final AtomicLong due = new AtomicLong();
  private final AtomicLong stitch = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile Instant lastUpdate;

  /** Registers the gauges. */
  public CatalogMetrics(
      FinalEntities finals,
      EntityQueries queries,
      RefreshStates states,
      RefreshQueue queue,
      UrlReader urls,
      MeterRegistry registry) {
    this.queries = queries;
    this.queue = queue;
    this.finals = finals;
    this.states = states;
    this.byKind =
        MultiGauge.builder("tarmac.catalog.entities")
            .description("Entities in the catalog, by kind")
            .register(registry);
    Gauge.builder("tarmac.catalog.processing.queue", due, AtomicLong::get)
        .description("Entities due for processing")
        .register(registry);
    Gauge.builder("tarmac.catalog.stitching.queue", stitch, AtomicLong::get)
        .description("Entities waiting to be stitched")
        .register(registry);
    Gauge.builder("tarmac.catalog.processing.errors", errors, AtomicLong::get)
        .description("Entities whose last processing reported problems")
        .register(registry);
    FunctionCounter.builder("tarmac.reading.not.modified", urls, UrlReader::notModifiedCount)
        .description("URL reads the host answered with 304 Not Modified (nothing downloaded)")
        .register(registry);
    Gauge.builder("tarmac.catalog.last.change.age", this, CatalogMetrics::lastChangeAgeSeconds)
        .description("Seconds since an entity last changed")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Re-reads the figures from the database. */
  @Scheduled(initialDelay = 2_000, fixedDelay = 15_000)
  public void refresh() {
    Map<String, Long> counts = queries.countByKind();
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((kind, n) -> rows.add(MultiGauge.Row.of(Tags.of("kind", kind), n)));
    byKind.register(rows, true);
    Instant now = Instant.now();
    due.set(queue.dueCount(now));
    stitch.set(queue.stitchBacklog());
    errors.set(states.errorCount());
    lastUpdate = finals.lastUpdate();
  }

  private double lastChangeAgeSeconds() {
    Instant last = lastUpdate;
    return last == null ? Double.NaN : Duration.between(last, Instant.now()).toSeconds();
  }
}
