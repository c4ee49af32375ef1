package dev.tarmac.catalog.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for binding values and chunking IN lists. */
final class Rows {

  /** Largest IN list sent in one statement. */
  static final int CHUNK = 500;

  private Rows() {}

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<List<T>> out = new ArrayList<>();
    List<T> current = new ArrayList<>(Math.min(CHUNK, items.size()));
    for (T item : items) {
      current.add(item);
      if (current.size() == CHUNK) {
        out.add(current);
        current = new ArrayList<>(CHUNK);
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
