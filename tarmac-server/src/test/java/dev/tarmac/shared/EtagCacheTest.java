package dev.tarmac.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EtagCacheTest {

  static final URI A = URI.create("https://h/a");
  static final URI B = URI.create("https://h/b");
  static final URI C = URI.create("https://h/c");

  @Test
  void keepsTextsWithAnEtagWithinTheBudgetDroppingTheLeastRecentlyUsed() {
    EtagCache cache = new EtagCache(10);
    cache.put(A, new UrlReader.UrlContent("aaaa", "\"1\""));
    cache.put(B, new UrlReader.UrlContent("bbbb", "\"2\""));
    assertThat(cache.get(A).etag()).isEqualTo("\"1\""); // A is now the most recently used
    cache.put(C, new UrlReader.UrlContent("cccc", "\"3\""));
    assertThat(cache.get(B)).isNull();
    assertThat(cache.get(A).text()).isEqualTo("aaaa");
    assertThat(cache.get(C).text()).isEqualTo("cccc");
  }

  @Test
  void contentWithoutAnEtagOrTooLargeIsNotKeptAndDropsWhatWas() {
    EtagCache cache = new EtagCache(10);
    cache.put(A, new UrlReader.UrlContent("aaaa", "\"1\""));
    cache.put(A, new UrlReader.UrlContent("aaaa", null));
    assertThat(cache.get(A)).isNull();
    cache.put(B, new UrlReader.UrlContent("b".repeat(11), "\"2\""));
    assertThat(cache.get(B)).isNull();
    assertThat(new EtagCache(0).notModified()).isZero();
  }
}
