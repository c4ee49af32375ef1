package dev.tarmac.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index kept in the data folder survives a restart with the outbox position it reflects. */
class SearchIndexPersistenceTest {

  @TempDir Path dir;

  @Test
  void aCommittedIndexReopensWithItsDocumentsAndCursor() throws Exception {
    Path folder = dir.resolve("catalog-x");
    try (SearchIndex index = new SearchIndex(folder, true)) {
      assertThat(index.committedCursor()).isEqualTo(-1);
      index.putEntity(
          "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
              + "\"metadata\":{\"name\":\"payments\",\"namespace\":\"default\"},"
              + "\"spec\":{\"type\":\"service\",\"owner\":\"team-a\",\"lifecycle\":\"production\"}}");
      index.commit(42);
    }
    try (SearchIndex index = new SearchIndex(folder, true)) {
      assertThat(index.committedCursor()).isEqualTo(42);
      assertThat(index.search("payments", Map.of(), 0, 10).total()).isEqualTo(1);
    }
    assertThat(Files.exists(folder)).isTrue();
  }

  @Test
  void anIndexWrittenUnderAnotherDocumentLayoutIsNotResumed() throws Exception {
    Path folder = dir.resolve("catalog-old");
    try (SearchIndex index = new SearchIndex(folder, true)) {
      index.commit(42);
    }
    // As an earlier version left it: a cursor, but no layout (or another one).
    for (Map<String, String> data :
        List.of(
            Map.of("tarmac.cursor", "42"),
            Map.of("tarmac.cursor", "42", SearchIndex.LAYOUT, "1"))) {
      try (FSDirectory d = FSDirectory.open(folder);
          IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
      try (SearchIndex index = new SearchIndex(folder, true)) {
        assertThat(index.committedCursor()).as(data.toString()).isEqualTo(-1);
      }
    }
  }

  @Test
  void storedJsonComesBackByteForByteAfterReopeningAndMerging() throws Exception {
    Path folder = dir.resolve("catalog-y");
    // Enough entities to span several stored-field blocks, some larger than a block, with
    // characters outside ASCII.
    List<String> written = new ArrayList<>();
    try (SearchIndex index = new SearchIndex(folder, true)) {
      for (int i = 0; i < 600; i++) {
        String description = (i % 50 == 0 ? "x".repeat(40_000) : "Zürich ✓ " + i);
        String json =
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                + "\"metadata\":{\"name\":\"c-"
                + i
                + "\",\"namespace\":\"default\",\"description\":\""
                + description
                + "\"},\"spec\":{\"type\":\"service\",\"owner\":\"team-a\"}}";
        written.add(json);
        index.putEntity(json);
        if (i % 100 == 99) {
          index.refresh(); // several segments, merged below
        }
      }
      index.commit(600);
    }
    try (SearchIndex index = new SearchIndex(folder, true)) {
      index.forceMerge();
      List<String> read =
          index.read(
              searcher -> {
                try {
                  List<String> out = new ArrayList<>();
                  StoredFields stored = searcher.storedFields();
                  for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                    BytesRef json = stored.document(doc).getBinaryValue(SearchIndex.JSON);
                    out.add(json.utf8ToString());
                  }
                  return out;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void anUnreadableIndexIsReplacedByAnEmptyOneToRebuild() throws Exception {
    Path folder = dir.resolve("catalog-z");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("segments_1"), "not a Lucene commit");
    try (SearchIndex index = new SearchIndex(folder, true)) {
      assertThat(index.persistent()).isTrue();
      assertThat(index.committedCursor()).isEqualTo(-1);
      index.putEntity(
          "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Group\","
              + "\"metadata\":{\"name\":\"team-a\"},\"spec\":{\"type\":\"team\","
              + "\"children\":[]}}");
      index.refresh();
      assertThat(index.search("team-a", Map.of(), 0, 10).total()).isEqualTo(1);
    }
  }

  @Test
  void aScratchIndexIsDeletedOnClose() throws Exception {
    Path folder = dir.resolve("scratch");
    try (SearchIndex index = new SearchIndex(folder, false)) {
      assertThat(index.persistent()).isFalse();
    }
    assertThat(Files.exists(folder)).isFalse();
  }

  @Test
  void resumesOnlyWhenNothingAfterTheCursorWasPruned() {
    // Outbox 1..10, index at 10: nothing new. Index at 7: changes 8..10 still there.
    assertThat(SearchIndexer.canResume(10, 1, 10)).isTrue();
    assertThat(SearchIndexer.canResume(7, 1, 10)).isTrue();
    // Pruned down to the newest change only, which the index already has (or is the next one).
    assertThat(SearchIndexer.canResume(10, 10, 10)).isTrue();
    assertThat(SearchIndexer.canResume(9, 10, 10)).isTrue();
    // Changes 8 and 9 were pruned: rebuild.
    assertThat(SearchIndexer.canResume(7, 10, 10)).isFalse();
    // The database is behind the index (restored or replaced): rebuild.
    assertThat(SearchIndexer.canResume(12, 1, 10)).isFalse();
    assertThat(SearchIndexer.canResume(5, 0, 0)).isFalse();
    // An index built on an empty catalog resumes on it.
    assertThat(SearchIndexer.canResume(0, 0, 0)).isTrue();
    assertThat(SearchIndexer.canResume(-1, 1, 10)).isFalse();
  }
}
