package dev.tarmac.sdk.catalog;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers which file text each document read by {@link EntityYaml} came from, so a field's line
 * can be found later from the document alone. Entries are keyed by the identity of the document's
 * entity node and go away with it; the line index is built only when first asked for.
 */
final class SourceLines {

  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
  private static final Map<IdentityKey, Source> SOURCES = new ConcurrentHashMap<>();

  private SourceLines() {}

  /** Notes that this entity node was read from that text. */
  static void remember(Object entity, String text) {
    for (Reference<?> gone; (gone = COLLECTED.poll()) != null; ) {
      SOURCES.remove(gone);
    }
    SOURCES.put(new IdentityKey(entity, COLLECTED), new Source(text));
  }

  /**
   * The field lines of the entity node, built once with the given function from its text; null when
   * the node was not read by {@link EntityYaml} (or was copied since).
   */
  static Map<String, Integer> lines(Object entity, Function<String, Map<String, Integer>> index) {
    Source source = SOURCES.get(new IdentityKey(entity, null));
    return source == null ? null : source.lines(index);
  }

  /** A file text and, once built, the line index of one of its documents. */
  private static final class Source {
    private final String text;
    private volatile Map<String, Integer> lines;

    Source(String text) {
      this.text = text;
    }

    Map<String, Integer> lines(Function<String, Map<String, Integer>> index) {
      Map<String, Integer> result = lines;
      if (result == null) {
        result = index.apply(text);
        lines = result;
      }
      return result;
    }
  }

  /** A weak reference compared by the identity of its referent. */
  private static final class IdentityKey extends WeakReference<Object> {
    private final int hash;

    IdentityKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      Object mine = get();
      return other instanceof IdentityKey key && mine != null && mine == key.get();
    }
  }
}
