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

  /**
   * Splits {@code items} into IN lists of at most the dialect's {@link Dialect#inListLimit()}
   * values, each padded to one of a few fixed lengths by repeating its last value: a statement then
   * has a handful of SQL texts, which the database's statement cache keeps instead of parsing and
   * planning every new length.
   */
  static <T> List<List<T>> chunks(Collection<T> items, Dialect dialect) {
    int limit = dialect.inListLimit();
    List<List<T>> out = new ArrayList<>();
    List<T> current = new ArrayList<>(Math.min(limit, items.size()));
    for (T item : items) {
      current.add(item);
      if (current.size() == limit) {
        out.add(current);
        current = new ArrayList<>(limit);
      }
    }
    if (!current.isEmpty()) {
      out.add(padded(current, dialect));
    }
    return out;
  }

  /**
   * The values of a non-empty IN list, padded to the next power of two (at most the dialect's
   * {@link Dialect#inListLimit()}) by repeating the last one; a value named twice in an IN list
   * matches the same rows.
   */
  static <T> List<T> padded(List<T> values, Dialect dialect) {
    int n = values.size();
    int length = n <= 1 ? n : Math.min(dialect.inListLimit(), Integer.highestOneBit(n - 1) << 1);
    if (length <= n) {
      return values;
    }
    List<T> out = new ArrayList<>(length);
    out.addAll(values);
    T last = values.get(n - 1);
    while (out.size() < length) {
      out.add(last);
    }
    return out;
  }
}
