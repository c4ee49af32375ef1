package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.Deadlocks;
import dev.tarmac.catalog.store.EmittedEntity;
import dev.tarmac.catalog.store.ProcessedResult;
import dev.tarmac.catalog.store.RefreshQueue;
import dev.tarmac.catalog.store.RefreshRefs;
import dev.tarmac.catalog.store.RefreshRow;
import dev.tarmac.catalog.store.RefreshStates;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a location emits, one chunk of entities per transaction while its files are parsed,
 * then the location's own result. New and changed entities (other than nested locations) are
 * processed on the way, on the location's lease, instead of being stored only to be claimed again
 * at once. Each chunk renews the lease; a replica stopped part-way leaves the location leased until
 * the lease runs out, and whoever processes it next writes the rest. A chunk's transaction runs on
 * the writer thread while the next chunk is parsed and processed, one chunk in flight at a time.
 */
@Component
public class EmissionWriter {

  private static final Logger log = LoggerFactory.getLogger(EmissionWriter.class);
  private final RefreshStates states;
  private final RefreshQueue queue;
  private final RefreshRefs refs;
  private final BatchWriter writer;
  private final EntityProcessor processor;
  private final CatalogSettings settings;
  private final TransactionTemplate tx;
  private final ProcessingCounters counters;
  private final ExecutorService chunkWriter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "catalog-writer");
            t.setDaemon(true);
            return t;
          });

  /** Creates the writer. */
  public EmissionWriter(
      RefreshStates states,
      RefreshQueue queue,
      RefreshRefs refs,
      BatchWriter writer,
      EntityProcessor processor,
      CatalogSettings settings,
      TransactionTemplate tx,
      ProcessingCounters counters) {
    this.states = states;
    this.queue = queue;
    this.refs = refs;
    this.writer = writer;
    this.processor = processor;
    this.settings = settings;
    this.tx = tx;
    this.counters = counters;
  }

  /**
   * Writes the entities {@code location} emits and then its own result, due again at {@code next};
   * stops quietly when another replica has taken the location's lease.
   */
  public void write(String owner, RefreshRow location, Processed processed, Instant next) {
    String parent = location.entityRef();
    Progress progress = new Progress(refs.emittedBy(parent));
    List<Emission.Child> chunk = new ArrayList<>(settings.batchSize());
    ChunkPipeline writes = new ChunkPipeline(chunkWriter);
    try {
      processed
          .emission()
          .forEach(
              child -> {
                chunk.add(child);
                if (chunk.size() == settings.batchSize()) {
                  writeChunk(owner, parent, chunk, progress, writes);
                  chunk.clear();
                }
              });
      if (!chunk.isEmpty()) {
        writeChunk(owner, parent, chunk, progress, writes);
      }
      writes.await();
    } catch (LeaseLost e) {
      log.debug("Lease on {} was taken over while writing what it emits", parent);
      return;
    } finally {
      writes.settle();
    }
    List<ProcessingError> errors = new ArrayList<>(processed.errors());
    errors.addAll(processed.emission().errors());
    errors.addAll(progress.conflicts);
    ProcessedResult result = Results.of(parent, processed, errors, next);
    // Entities of a file that could not be read or parsed are kept as they were, as Backstage keeps
    // a location's last good state when reading it fails.
    Set<String> dropped = new HashSet<>();
    if (processed.errors().isEmpty() && processed.emission().complete()) {
      dropped.addAll(progress.before);
      dropped.removeAll(progress.accepted);
    }
    boolean unchanged = Results.unchanged(result, location.resultHash(), location.errorsJson());
    counters.add(0, unchanged ? 0 : 1);
    Deadlocks.retry(
        () ->
            tx.executeWithoutResult(
                s -> {
                  Set<String> lost =
                      unchanged
                          ? new HashSet<>(queue.release(owner, Map.of(parent, next)))
                          : writer.writeInTx(owner, List.of(result), Instant.now());
                  if (!lost.isEmpty() || dropped.isEmpty()) {
                    return;
                  }
                  // Entities no longer emitted lose this parent; stitching marks them orphans.
                  refs.removeEmitted(parent, dropped);
                  queue.requestStitch(dropped);
                }));
  }

  /** Stops the writer thread with the application. */
  @PreDestroy
  void stop() {
    chunkWriter.shutdownNow();
  }

  /**
   * Processes the chunk's new and changed entities (outside any transaction: processing may read
   * files), then hands the chunk to the writer thread, which writes it and renews the location's
   * lease in one transaction once the chunk before it is written.
   */
  private void writeChunk(
      String owner,
      String parent,
      List<Emission.Child> chunk,
      Progress progress,
      ChunkPipeline writes) {
    // Sorted, so replicas take row locks in the same order and rarely deadlock at all.
    Map<String, EmittedEntity> byRef = new TreeMap<>();
    chunk.forEach(c -> byRef.put(c.row().entityRef(), c.row()));
    Map<String, RefreshStates.Existing> known = states.existing(byRef.keySet());
    Map<String, ProcessedResult> processedChildren =
        chunk.parallelStream()
            .filter(
                c -> !c.isLocation() && worthProcessing(c.row(), known.get(c.row().entityRef())))
            .map(this::processChild)
            .collect(Collectors.toMap(ProcessedResult::entityRef, r -> r));
    writes.submit(
        () -> {
          Instant leaseUntil = Instant.now().plus(settings.leaseTimeout());
          ChunkOutcome[] outcome = new ChunkOutcome[1];
          Deadlocks.retry(
              () ->
                  outcome[0] =
                      tx.execute(
                          s -> {
                            if (!queue.extendLease(parent, owner, leaseUntil)) {
                              throw new LeaseLost();
                            }
                            return writeChildren(parent, byRef, processedChildren, progress.before);
                          }));
          progress.accepted.addAll(outcome[0].accepted());
          progress.conflicts.addAll(outcome[0].conflicts());
          counters.add(processedChildren.size(), outcome[0].stored());
        });
  }

  /** New entities and changed ones of this location are processed with it. */
  private static boolean worthProcessing(EmittedEntity child, RefreshStates.Existing existing) {
    return existing == null
        || (existing.sameOwner(child.locationKey())
            && !existing.unprocessedHash().equals(child.unprocessedHash()));
  }

  private ProcessedResult processChild(Emission.Child child) {
    Processed p;
    try {
      p = processor.process(child.entity());
    } catch (RuntimeException e) {
      p = Processed.unexpected(e);
    }
    return Results.of(
        child.row().entityRef(), p, p.errors(), Results.next(settings, p.readsSources()));
  }

  /**
   * Upserts one chunk of what a parent emits, with conflict detection, storing the processed
   * results that still apply; returns the refs it accepted and the conflicts it found.
   */
  private ChunkOutcome writeChildren(
      String parent,
      Map<String, EmittedEntity> byRef,
      Map<String, ProcessedResult> processedChildren,
      Set<String> before) {
    Instant now = Instant.now();
    List<ProcessingError> errors = new ArrayList<>();
    // Read again inside the transaction: the read that chose what to process was outside it, and
    // another location may have emitted one of these entities since.
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
    Map<String, ProcessedResult> stored = new LinkedHashMap<>();
    for (EmittedEntity child : byRef.values()) {
      RefreshStates.Existing e = existing.get(child.entityRef());
      boolean write = true;
      if (e == null) {
        inserts.add(child);
      } else if (e.sameOwner(child.locationKey())) {
        write = !child.unprocessedHash().equals(e.unprocessedHash());
        if (write) {
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
      ProcessedResult r = processedChildren.get(child.entityRef());
      if (write && r != null) {
        stored.put(child.entityRef(), r);
      }
      accepted.add(child.entityRef());
    }
    states.insert(inserts, stored, now);
    states.replaceUnprocessed(updates, stored, now);
    Set<String> fresh = new HashSet<>();
    inserts.forEach(e -> fresh.add(e.entityRef()));
    Set<String> stitch = writer.replaceRelations(new ArrayList<>(stored.values()), fresh);
    List<String> added = accepted.stream().filter(ref -> !before.contains(ref)).toList();
    refs.addEmitted(parent, added);
    stitch.addAll(added);
    stitch.removeAll(stored.keySet()); // their rows already wait to be stitched
    queue.requestStitch(stitch);
    return new ChunkOutcome(accepted, errors, stored.size());
  }

  /** What the chunks written so far accepted, and the conflicts they found. */
  private static final class Progress {
    private final Set<String> before;
    private final Set<String> accepted = new HashSet<>();
    private final List<ProcessingError> conflicts = new ArrayList<>();

    private Progress(Set<String> before) {
      this.before = before;
    }
  }

  private record ChunkOutcome(List<String> accepted, List<ProcessingError> conflicts, int stored) {}

  /** The location's lease went to another replica, which will write what it emits. */
  private static final class LeaseLost extends RuntimeException {
    private LeaseLost() {
      super(null, null, false, false);
    }
  }
}
