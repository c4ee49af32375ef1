package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRow;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One processing round: claim due entities with a lease, process them in parallel, and write the
 * results in one batch. Unchanged results only move the next update time.
 */
@Component
public class ProcessingEngine {

  private static final Logger log = LoggerFactory.getLogger(ProcessingEngine.class);

  private final RefreshStates states;
  private final RefreshQueue queue;
  private final BatchWriter writer;
  private final EmissionWriter emissions;
  private final EntityProcessor processor;
  private final CatalogSettings settings;
  private final ProcessingCounters counters;

  /** Creates the engine. */
  public ProcessingEngine(
      RefreshStates states,
      RefreshQueue queue,
      BatchWriter writer,
      EmissionWriter emissions,
      EntityProcessor processor,
      CatalogSettings settings,
      ProcessingCounters counters) {
    this.states = states;
    this.queue = queue;
    this.writer = writer;
    this.emissions = emissions;
    this.processor = processor;
    this.settings = settings;
    this.counters = counters;
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
    List<Outcome> emitting = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.emitting() != null) {
        emitting.add(o);
      } else if (o.result() == null) {
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
    // Locations that read their sources write what they emit in chunks, one location at a time;
    // one that fails stays leased and is taken again when its lease runs out, the others go on.
    for (Outcome o : emitting) {
      try {
        emissions.write(owner, o.row(), o.emitting(), o.next());
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          log.info(
              "Stopped while writing what {} emits; the rest is written when it is taken up"
                  + " again",
              o.row().entityRef());
        } else {
          log.warn(
              "Writing what {} emits failed; it is retried when its lease ends: {}",
              o.row().entityRef(),
              e.toString());
        }
      }
    }
    counters.add(rows.size(), changed.size()); // emitting locations count their own writes
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
          return new Outcome(row, null, null, Results.next(settings, true));
        }
        p = processor.process(raw, null);
      }
    } catch (RuntimeException e) {
      p = Processed.unexpected(e);
    }
    Instant next = Results.next(settings, p.readsSources());
    if (p.emission() != null) {
      return new Outcome(row, null, p, next);
    }
    ProcessedResult result = Results.of(row.entityRef(), p, p.errors(), next);
    if (Results.unchanged(result, row.resultHash(), row.errorsJson())) {
      return new Outcome(row, null, null, next);
    }
    return new Outcome(row, result, null, next);
  }

  /**
   * What processing one claimed row came to: a result to write, nothing changed (both null), or a
   * location whose emitted entities are still to be parsed and written.
   */
  private record Outcome(
      RefreshRow row, ProcessedResult result, Processed emitting, Instant next) {}
}
