package dev.tarmac.shared;

import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last text read from each URL with its ETag, least recently used dropped first once the texts
 * outgrow a budget, so the next read can ask the host whether it changed ({@code If-None-Match}).
 */
final class EtagCache {

  private final long maxChars;
  private final Map<URI, UrlReader.UrlContent> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong notModified = new AtomicLong();
  private long chars;

  /** Creates a cache holding texts of up to {@code maxChars} characters in all; 0 keeps none. */
  EtagCache(long maxChars) {
    this.maxChars = maxChars;
  }

  /** The cached content of the URL, or null. */
  synchronized UrlReader.UrlContent get(URI uri) {
    return entries.get(uri);
  }

  /** Keeps content that has an ETag and fits the budget; other content drops what was kept. */
  synchronized void put(URI uri, UrlReader.UrlContent content) {
    UrlReader.UrlContent old = entries.remove(uri);
    if (old != null) {
      chars -= old.text().length();
    }
    if (content.etag() == null || content.text().length() > maxChars) {
      return;
    }
    entries.put(uri, content);
    chars += content.text().length();
    Iterator<UrlReader.UrlContent> eldest = entries.values().iterator();
    while (chars > maxChars && eldest.hasNext()) {
      chars -= eldest.next().text().length();
      eldest.remove();
    }
  }

  /** Counts a read the host answered with 304 Not Modified. */
  void hit() {
    notModified.incrementAndGet();
  }

  /** Reads answered with 304 Not Modified since start. */
  long notModified() {
    return notModified.get();
  }
}
