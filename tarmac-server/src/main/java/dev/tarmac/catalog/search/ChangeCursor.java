package dev.tarmac.catalog.search;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the indexer stands in the change outbox. Ids are assigned before commit, so a lower id can
 * become visible after a higher one: the cursor remembers which ids above its contiguous point it
 * has seen, reads from that point again, and gives up on a gap after a while (a rolled-back
 * transaction leaves one for good).
 */
final class ChangeCursor {

  private static final long GAP_PATIENCE_MILLIS = 30_000;
  private long contiguous;
  private final TreeSet<Long> seenAbove = new TreeSet<>();
  private final Map<Long, Long> gapSince = new HashMap<>();

  ChangeCursor(long start) {
    this.contiguous = start;
  }

  /** Read changes with ids above this. */
  long from() {
    return contiguous;
  }

  /** Whether this id is new to the cursor; records it. */
  boolean accept(long id) {
    return id > contiguous && seenAbove.add(id);
  }

  /** Moves the contiguous point over every id seen, and over gaps older than the patience. */
  void advance(long nowMillis) {
    while (!seenAbove.isEmpty()) {
      long next = contiguous + 1;
      if (seenAbove.remove(next)) {
        contiguous = next;
        gapSince.remove(next);
        continue;
      }
      long since = gapSince.computeIfAbsent(next, k -> nowMillis);
      if (nowMillis - since < GAP_PATIENCE_MILLIS) {
        return;
      }
      gapSince.remove(next);
      contiguous = next;
    }
  }
}
