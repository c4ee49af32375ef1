package dev.tarmac.catalog.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** How many entities this replica processed, and how many of those results changed. */
@Component
public class ProcessingCounters {

  private final Counter processed;
  private final Counter changed;

  /** Registers the counters. */
  public ProcessingCounters(MeterRegistry meters) {
    this.processed =
        Counter.builder("tarmac.catalog.processed")
            .description("Entities processed by this replica")
            .register(meters);
    this.changed =
        Counter.builder("tarmac.catalog.processed.changed")
            .description("Processed entities whose result changed and was written")
            .register(meters);
  }

  /** Counts processed entities and how many of them were written. */
  void add(int processedCount, int changedCount) {
    processed.increment(processedCount);
    changed.increment(changedCount);
  }
}
