package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.Deadlocks;
import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.catalog.store.FinalEntity;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.Relations;
import dev.tarmac.catalog.store.StitchInput;
import dev.tarmac.catalog.store.TableStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred stitching: claims entities whose relations, errors or emitters changed and rebuilds
 * their final form in bulk, writing only those whose content hash changed.
 */
@Component
public class Stitcher {

  private final RefreshQueue queue;
  private final RefreshRefs refs;
  private final Relations relations;
  private final FinalEntities finals;
  private final TransactionTemplate tx;
  private final TableStatistics statistics;

  /** Creates the stitcher. */
  public Stitcher(
      RefreshQueue queue,
      RefreshRefs refs,
      Relations relations,
      FinalEntities finals,
      TransactionTemplate tx,
      TableStatistics statistics) {
    this.statistics = statistics;
    this.queue = queue;
    this.refs = refs;
    this.relations = relations;
    this.finals = finals;
    this.tx = tx;
  }

  /** Stitches one batch; returns how many entities were claimed. */
  public int stitchBatch(String owner, int limit, Duration lease) {
    Instant now = Instant.now();
    RefreshQueue.StitchClaim claim = queue.claimStitch(owner, limit, now, now.plus(lease));
    if (claim.refs().isEmpty()) {
      return 0;
    }
    Set<String> claimed = claim.refs();
    List<StitchInput> inputs = finals.stitchInputs(claimed);
    Map<String, List<String[]>> rels = new HashMap<>();
    for (String[] r : relations.bySources(claimed)) {
      rels.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    Map<String, Integer> incoming = refs.incomingCounts(claimed);
    Map<String, String> hashes = finals.hashes(claimed);
    List<FinalEntity> inserts = new ArrayList<>();
    List<FinalEntity> updates = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (StitchInput in : inputs) {
      present.add(in.entityRef());
      FinalEntity e =
          FinalEntityBuilder.build(
              in,
              rels.getOrDefault(in.entityRef(), List.of()),
              !incoming.containsKey(in.entityRef()));
      if (e == null) {
        continue;
      }
      String old = hashes.get(in.entityRef());
      if (old == null) {
        inserts.add(e);
      } else if (!old.equals(e.hash())) {
        updates.add(e);
      }
    }
    Set<String> gone = new HashSet<>(claimed);
    gone.removeAll(present);
    Deadlocks.retry(
        () ->
            tx.executeWithoutResult(
                s -> {
                  // Rows that got a newer request since the claim stay requested for a next round.
                  Set<String> held = queue.lockClaimed(claim);
                  finals.write(
                      inserts.stream().filter(e -> held.contains(e.entityRef())).toList(),
                      updates.stream().filter(e -> held.contains(e.entityRef())).toList(),
                      Instant.now());
                  List<String> deleted = gone.stream().filter(held::contains).toList();
                  if (!deleted.isEmpty()) {
                    finals.delete(deleted);
                  }
                  queue.completeStitch(claim.ticket(), held);
                }));
    statistics.changed(inserts.size() + updates.size() + gone.size());
    return claimed.size();
  }
}
