package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.Deadlocks;
import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.RefreshStates;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.sdk.catalog.Relation;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ArrayNode;

/**
 * Writes one batch of processing results in a single transaction: entity state, relations, emitted
 * children (with conflict detection) and stitch requests for every entity whose final form changes.
 */
@Component
public class BatchWriter {

  private final RefreshStates states;
  private final RefreshQueue queue;
  private final RefreshRefs refs;
  private final Relations relations;
  private final TransactionTemplate tx;

  /** Creates the writer. */
  public BatchWriter(
      RefreshStates states,
      RefreshQueue queue,
      RefreshRefs refs,
      Relations relations,
      TransactionTemplate tx) {
    this.states = states;
    this.queue = queue;
    this.refs = refs;
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

  private void writeInTx(String owner, List<ProcessedResult> results, Instant now) {
    Set<String> stitch = new HashSet<>();
    Map<String, List<ProcessingError>> conflicts = new LinkedHashMap<>();
    Map<String, Instant> next = new LinkedHashMap<>();
    results.forEach(r -> next.put(r.entityRef(), r.nextUpdateAt()));
    // Releasing the lease also requests the entity's own stitch.
    Set<String> lost = new HashSet<>(queue.release(owner, next, true));
    states.writeResults(results.stream().filter(r -> !lost.contains(r.entityRef())).toList(), now);
    List<String> relationOwners = new ArrayList<>();
    List<Relation> allRelations = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (ProcessedResult r : results) {
      if (lost.contains(r.entityRef())) {
        continue;
      }
      if (r.relations() != null) {
        relationOwners.add(r.entityRef());
        for (Relation rel : r.relations()) {
          allRelations.add(rel);
          origins.add(r.entityRef());
        }
      }
      if (r.children() != null) {
        List<ProcessingError> errs = writeChildren(r.entityRef(), r.children(), now, stitch);
        if (!errs.isEmpty()) {
          conflicts.put(r.entityRef(), errs);
        }
      }
    }
    if (!relationOwners.isEmpty()) {
      stitch.addAll(relations.replace(relationOwners, allRelations, origins));
    }
    for (Map.Entry<String, List<ProcessingError>> c : conflicts.entrySet()) {
      ProcessedResult r =
          results.stream().filter(x -> x.entityRef().equals(c.getKey())).findFirst().orElseThrow();
      ArrayNode errors =
          r.errorsJson() == null
              ? Json.MAPPER.createArrayNode()
              : (ArrayNode) Json.parse(r.errorsJson());
      c.getValue().forEach(e -> errors.add(Json.MAPPER.valueToTree(e)));
      states.setErrors(c.getKey(), Json.write(errors));
    }
    results.forEach(r -> stitch.remove(r.entityRef()));
    queue.requestStitch(stitch);
  }

  /** Upserts what a parent emits; returns conflict errors to record on the parent. */
  private List<ProcessingError> writeChildren(
      String parent, List<EmittedEntity> children, Instant now, Set<String> stitch) {
    List<ProcessingError> errors = new ArrayList<>();
    Map<String, EmittedEntity> byRef = new LinkedHashMap<>();
    children.forEach(c -> byRef.put(c.entityRef(), c));
    Map<String, RefreshStates.Existing> existing = states.existing(byRef.keySet());
    List<String> otherOwner = new ArrayList<>();
    existing.forEach(
        (ref, e) -> {
          if (!e.sameOwner(byRef.get(ref).locationKey())) {
            otherOwner.add(ref);
          }
        });
    Set<String> emittedElsewhere =
        otherOwner.isEmpty() ? Set.of() : refs.emittedByOthers(otherOwner, parent);
    List<EmittedEntity> inserts = new ArrayList<>();
    List<EmittedEntity> updates = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    for (EmittedEntity child : byRef.values()) {
      RefreshStates.Existing e = existing.get(child.entityRef());
      if (e == null) {
        inserts.add(child);
      } else if (e.sameOwner(child.locationKey())) {
        if (!child.unprocessedHash().equals(e.unprocessedHash())) {
          updates.add(child);
        }
      } else if (emittedElsewhere.contains(child.entityRef())) {
        errors.add(
            ProcessingError.error(
                "ConflictError",
                "Detected conflicting entityRef "
                    + child.entityRef()
                    + " already referenced by "
                    + e.locationKey()
                    + " and now also "
                    + child.locationKey()
                    + "; the first location keeps it"));
        continue;
      } else {
        updates.add(child);
      }
      accepted.add(child.entityRef());
    }
    states.insert(inserts, now);
    states.replaceUnprocessed(updates, now);
    Set<String> before = refs.emittedBy(parent);
    if (!before.equals(new HashSet<>(accepted))) {
      refs.replaceEmitted(parent, accepted);
      Set<String> changed = new HashSet<>(before);
      changed.addAll(accepted);
      Set<String> kept = new HashSet<>(before);
      kept.retainAll(accepted);
      changed.removeAll(kept);
      stitch.addAll(changed);
    }
    return errors;
  }
}
