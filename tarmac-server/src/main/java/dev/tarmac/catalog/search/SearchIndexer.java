package dev.tarmac.catalog.search;

import dev.tarmac.catalog.store.FinalEntities;
import jakarta.annotation.PreDestroy;
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
 * Keeps this replica's index current: resumed from disk (or rebuilt) after start, then following
 * the change outbox every second and whenever a query asks it to catch up, so a query sees every
 * change committed before it began.
 */
@Component
public class SearchIndexer {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
  private static final int BATCH = 1_000;
  private static final long COMMIT_EVERY_MILLIS = 5_000;
  private final FinalEntities finals;
  private final SearchIndex index;
  private final AtomicBoolean ready = new AtomicBoolean();
  private ChangeCursor cursor = new ChangeCursor(0);
  private volatile long indexedUpTo = -1;
  private long committedAt = -1;
  private long lastCommit;

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

  /**
   * The outbox position this replica's index reflects after catching up: it grows whenever any
   * replica changes the catalog, so a view derived from the catalog can tell it is still current.
   */
  public long version() {
    catchUp();
    return indexedUpTo;
  }

  /** Builds on the first run, then applies new changes; runs every second. */
  @Scheduled(initialDelay = 500, fixedDelay = 1_000)
  public synchronized void sync() {
    try {
      if (!ready.get()) {
        if (!resume()) {
          rebuild();
        }
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
      commitNowAndThen();
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

  /**
   * Resumes from the index kept on disk when nothing after its cursor has been pruned from the
   * outbox (the newest change is never pruned, so an idle catalog resumes too).
   */
  private boolean resume() {
    long committed = index.persistent() ? index.committedCursor() : -1;
    if (committed < 0) {
      return false;
    }
    long first = finals.firstChangeId();
    long last = finals.lastChangeId();
    if (!canResume(committed, first, last)) {
      log.info(
          "Search index on disk is at change {}, the outbox holds {}..{}: rebuilding",
          committed,
          first,
          last);
      return false;
    }
    cursor = new ChangeCursor(committed);
    committedAt = committed;
    log.info("Search index resumed at change {} (outbox up to {})", committed, last);
    return true;
  }

  /**
   * Whether an index at outbox position {@code committed} can catch up from an outbox holding ids
   * {@code first..last} (0..0 when empty): nothing after the position may be missing.
   */
  static boolean canResume(long committed, long first, long last) {
    return committed >= 0 && last >= committed && first <= committed + 1;
  }

  /** Commits the index with its cursor at most every few seconds, when it moved. */
  private void commitNowAndThen() {
    long now = System.currentTimeMillis();
    if (index.persistent()
        && cursor.from() != committedAt
        && now - lastCommit > COMMIT_EVERY_MILLIS) {
      index.commit(cursor.from());
      committedAt = cursor.from();
      lastCommit = now;
    }
  }

  /** Commits what the index holds before the replica stops, so a restart resumes from here. */
  @PreDestroy
  public synchronized void commitOnStop() {
    if (ready.get() && index.persistent() && cursor.from() != committedAt) {
      try {
        index.commit(cursor.from());
        committedAt = cursor.from();
      } catch (RuntimeException e) {
        log.warn("Could not commit the search index: {}", e.toString());
      }
    }
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
    if (index.persistent()) {
      index.commit(cursor.from());
      committedAt = cursor.from();
      lastCommit = System.currentTimeMillis();
    }
    indexedUpTo = cursor.from();
    log.info(
        "Search index built: {} entities in {} ms", n[0], (System.nanoTime() - start) / 1_000_000);
  }

  private void put(String json) {
    index.putEntity(json);
  }
}
