package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.Deadlocks;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.sdk.catalog.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one batch of processing results in a single transaction: entity state, relations and
 * stitch requests for every entity whose final form changes. What locations emit is written by
 * {@link EmissionWriter}.
 */
@Component
public class BatchWriter {

  private final RefreshStates states;
  private final RefreshQueue queue;
  private final Relations relations;
  private final TransactionTemplate tx;

  /** Creates the writer. */
  public BatchWriter(
      RefreshStates states, RefreshQueue queue, Relations relations, TransactionTemplate tx) {
    this.states = states;
    this.queue = queue;
    this.relations = relations;
    this.tx = tx;
  }

  /** Writes results of rows this replica holds; rows whose lease was lost are skipped. */
  public void write(String owner, List<ProcessedResult> results, Instant now) {
    // Sorted, so replicas take row locks in the same order and rarely deadlock at all.
    List<ProcessedResult> sorted = new ArrayList<>(results);
    sorted.sort(java.util.Comparator.comparing(ProcessedResult::entityRef));
    Deadlocks.retry(() -> tx.executeWithoutResult(status -> writeInTx(owner, sorted, now)));
  }

  /**
   * Writes results inside the caller's transaction: releases the leases (requesting each entity's
   * own stitch), stores state and relations, and requests stitches for every relation source
   * touched. Results whose lease another replica took are skipped; returns their refs.
   */
  Set<String> writeInTx(String owner, List<ProcessedResult> results, Instant now) {
    Map<String, Instant> next = new LinkedHashMap<>();
    results.forEach(r -> next.put(r.entityRef(), r.nextUpdateAt()));
    Set<String> lost = new HashSet<>(queue.release(owner, next, true));
    List<ProcessedResult> kept =
        results.stream().filter(r -> !lost.contains(r.entityRef())).toList();
    states.writeResults(kept, now);
    Set<String> stitch = replaceRelations(kept, Set.of());
    results.forEach(r -> stitch.remove(r.entityRef()));
    queue.requestStitch(stitch);
    return lost;
  }

  /**
   * Replaces the relations of results that have them (a failed result keeps its last good ones);
   * those of {@code fresh} entities, inserted in this transaction, have none to replace. Returns
   * every relation source touched, before or after.
   */
  Set<String> replaceRelations(List<ProcessedResult> results, Set<String> fresh) {
    List<String> relationOwners = new ArrayList<>();
    List<Relation> allRelations = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (ProcessedResult r : results) {
      if (r.relations() != null) {
        relationOwners.add(r.entityRef());
        for (Relation rel : r.relations()) {
          allRelations.add(rel);
          origins.add(r.entityRef());
        }
      }
    }
    return relationOwners.isEmpty()
        ? new HashSet<>()
        : relations.replace(relationOwners, fresh, allRelations, origins);
  }
}
