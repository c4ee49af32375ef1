package dev.tarmac.catalog.search;

import dev.tarmac.catalog.store.FinalEntities;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's index current: rebuilt from the database after start, then following the
 * change outbox every second and whenever a query asks it to catch up, so a query sees every change
 * committed before it began.
 */
@Component
public class SearchIndexer {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
  private static final int BATCH = 1_000;
  private final FinalEntities finals;
  private final SearchIndex index;
  private final AtomicBoolean ready = new AtomicBoolean();
  private ChangeCursor cursor = new ChangeCursor(0);
  private volatile long indexedUpTo = -1;

  /** Creates the indexer. */
  public SearchIndexer(FinalEntities finals, SearchIndex index) {
    this.finals = finals;
    this.index = index;
  }

  /** Whether the first full build has finished. */
  public boolean ready() {
    return ready.get();
  }

  /**
   * Brings the index up to the newest committed change before a query reads it: one cheap look at
   * the outbox when nothing changed, else the same work as the scheduled sync.
   */
  public void catchUp() {
    long upTo = indexedUpTo;
    if (upTo < 0 || finals.lastChangeId() > upTo) {
      sync();
    }
  }

  /** Builds on the first run, then applies new changes; runs every second. */
  @Scheduled(initialDelay = 500, fixedDelay = 1_000)
  public synchronized void sync() {
    try {
      if (!ready.get()) {
        rebuild();
        ready.set(true);
        return;
      }
      List<Object[]> changes;
      long from = cursor.from();
      do {
        changes = finals.changesAfter(from, BATCH);
        Set<String> refs = new LinkedHashSet<>();
        for (Object[] c : changes) {
          long id = (Long) c[0];
          from = id;
          if (cursor.accept(id)) {
            refs.add((String) c[1]);
          }
        }
        // Index each changed entity as it is now, whatever the order its changes arrived in: one
        // that is gone is removed, one that exists is (re)indexed.
        Map<String, String> current = finals.byRefs(refs);
        for (String ref : refs) {
          String json = current.get(ref);
          if (json == null) {
            index.remove(ref);
          } else {
            put(json);
          }
        }
      } while (changes.size() == BATCH);
      cursor.advance(System.currentTimeMillis());
      index.refresh();
      // With a gap still open (a transaction not yet committed) this stays below the newest id,
      // so every query looks again until the gap closes or is given up.
      indexedUpTo = cursor.from();
    } catch (RuntimeException e) {
      log.warn("Search index update failed; retrying: {}", e.toString());
    }
  }

  /** Drops old outbox rows once an hour. */
  @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
  public void prune() {
    finals.pruneChanges(Instant.now().minus(Duration.ofHours(1)));
  }

  private void rebuild() {
    long start = System.nanoTime();
    cursor = new ChangeCursor(finals.lastChangeId());
    index.clear();
    int[] n = {0};
    finals.forEach(
        json -> {
          put(json);
          n[0]++;
        });
    index.refresh();
    indexedUpTo = cursor.from();
    log.info(
        "Search index built: {} entities in {} ms", n[0], (System.nanoTime() - start) / 1_000_000);
  }

  private void put(String json) {
    index.putEntity(json);
  }
}
