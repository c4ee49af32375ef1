package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRow;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.sdk.catalog.Relation;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One processing round: claim due entities with a lease, process them in parallel, and write the
 * results in one batch. Unchanged results only move the next update time.
 */
@Component
public class ProcessingEngine {

  private final RefreshStates states;
  private final RefreshQueue queue;
  private final BatchWriter writer;
  private final EntityProcessor processor;
  private final CatalogSettings settings;
  private final Counter processed;
  private final Counter written;

  /** Creates the engine. */
  public ProcessingEngine(
      RefreshStates states,
      RefreshQueue queue,
      BatchWriter writer,
      EntityProcessor processor,
      CatalogSettings settings,
      MeterRegistry meters) {
    this.states = states;
    this.queue = queue;
    this.writer = writer;
    this.processor = processor;
    this.settings = settings;
    this.processed =
        Counter.builder("tarmac.catalog.processed")
            .description("Entities processed by this replica")
            .register(meters);
    this.written =
        Counter.builder("tarmac.catalog.processed.changed")
            .description("Processed entities whose result changed and was written")
            .register(meters);
  }

  /** Processes one batch of due entities; returns how many were claimed. */
  public int processBatch(String owner) {
    Instant now = Instant.now();
    Instant leaseUntil = now.plus(settings.leaseTimeout());
    List<String> claimed = queue.claim(owner, settings.batchSize(), now, leaseUntil);
    if (claimed.isEmpty()) {
      return 0;
    }
    List<RefreshRow> rows = states.load(claimed, leaseUntil);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Outcome> outcomes = rows.parallelStream().map(this::processOne).toList();
    List<ProcessedResult> changed = new ArrayList<>();
    Map<String, Instant> unchanged = new HashMap<>();
    for (Outcome o : outcomes) {
      if (o.result() == null) {
        unchanged.put(o.row().entityRef(), o.next());
      } else {
        changed.add(o.result());
      }
    }
    if (!unchanged.isEmpty()) {
      queue.release(owner, unchanged);
    }
    if (!changed.isEmpty()) {
      writer.write(owner, changed, Instant.now());
    }
    processed.increment(rows.size());
    written.increment(changed.size());
    return rows.size();
  }

  private Outcome processOne(RefreshRow row) {
    Processed p;
    try {
      JsonNode raw = Json.parse(row.unprocessedJson());
      // A location whose sources read as last time is not parsed again; should the location
      // itself have changed, it is processed in full.
      p = processor.process(raw, row.errorsJson() == null ? row.sourceEtag() : null);
      if (p.sourcesUnchanged()) {
        if (row.processedJson() != null && row.processedJson().equals(Json.write(p.entity()))) {
          return new Outcome(row, null, nextUpdate(true));
        }
        p = processor.process(raw, null);
      }
    } catch (RuntimeException e) {
      p =
          new Processed(
              null,
              List.of(),
              null,
              List.of(ProcessingError.error("Error", "Unexpected processing failure: " + e)),
              null,
              true);
    }
    Instant next = nextUpdate(p.readsSources());
    String processedJson = p.failed() ? null : Json.write(p.entity());
    String errorsJson = p.errors().isEmpty() ? null : Json.write(p.errors());
    StringBuilder fingerprint = new StringBuilder();
    fingerprint.append(processedJson).append('\n').append(errorsJson).append('\n');
    for (Relation r : p.relations()) {
      fingerprint
          .append(r.type())
          .append(' ')
          .append(r.source())
          .append(' ')
          .append(r.target())
          .append('\n');
    }
    if (p.children() != null) {
      p.children()
          .forEach(
              c ->
                  fingerprint
                      .append(c.entityRef())
                      .append('=')
                      .append(c.unprocessedHash())
                      .append('\n'));
    }
    String hash = Hashes.sha256(fingerprint.toString());
    if (hash.equals(row.resultHash()) && row.errorsJson() == null && errorsJson == null) {
      return new Outcome(row, null, next);
    }
    return new Outcome(
        row,
        new ProcessedResult(
            row.entityRef(),
            processedJson,
            hash,
            errorsJson,
            p.sourceEtag(),
            p.failed() ? null : p.relations(),
            p.children(),
            next),
        next);
  }

  private Instant nextUpdate(boolean readsSources) {
    long base =
        (readsSources ? settings.processingInterval() : settings.selfContainedInterval())
            .toMillis();
    long jitter = (long) (base * (ThreadLocalRandom.current().nextDouble() * 0.5 - 0.25));
    return Instant.now().plus(Duration.ofMillis(base + jitter));
  }

  private record Outcome(RefreshRow row, ProcessedResult result, Instant next) {}
}
