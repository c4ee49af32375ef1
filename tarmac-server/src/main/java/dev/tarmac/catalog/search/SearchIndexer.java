package dev.tarmac.catalog.search;

import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.shared.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps this replica's search index current: rebuilt from the database in the background after
 * start, then following the change outbox every second.
 */
@Component
public class SearchIndexer {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
  private static final int BATCH = 1_000;
  private final FinalEntities finals;
  private final SearchIndex index;
  private final AtomicBoolean ready = new AtomicBoolean();
  private ChangeCursor cursor = new ChangeCursor(0);

  /** Creates the indexer. */
  public SearchIndexer(FinalEntities finals, SearchIndex index) {
    this.finals = finals;
    this.index = index;
  }

  /** Whether the first full build has finished. */
  public boolean ready() {
    return ready.get();
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
        List<String> refs = new ArrayList<>();
        for (Object[] c : changes) {
          long id = (Long) c[0];
          from = id;
          if (!cursor.accept(id)) {
            continue;
          }
          if ((Boolean) c[2]) {
            index.remove((String) c[1]);
          } else {
            refs.add((String) c[1]);
          }
        }
        finals.byRefs(refs).values().forEach(json -> index.put(document(Json.parse(json))));
      } while (changes.size() == BATCH);
      cursor.advance(System.currentTimeMillis());
      index.refresh();
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
          index.put(document(Json.parse(json)));
          n[0]++;
        });
    index.refresh();
    log.info(
        "Search index built: {} entities in {} ms", n[0], (System.nanoTime() - start) / 1_000_000);
  }

  /** The search document of a final entity. */
  static SearchDocument document(JsonNode e) {
    JsonNode m = e.path("metadata");
    JsonNode spec = e.path("spec");
    String kind = e.path("kind").asString();
    String namespace = m.path("namespace").asString("default");
    String name = m.path("name").asString();
    List<String> tags = new ArrayList<>();
    m.path("tags").forEach(t -> tags.add(t.asString()));
    return new SearchDocument(
        kind.toLowerCase(Locale.ROOT)
            + ":"
            + namespace.toLowerCase(Locale.ROOT)
            + "/"
            + name.toLowerCase(Locale.ROOT),
        m.path("title").isString() ? m.get("title").asString() : name,
        m.path("description").isString() ? m.get("description").asString() : "",
        "/catalog/" + namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name,
        kind,
        namespace,
        name,
        text(spec, "type"),
        text(spec, "lifecycle"),
        text(spec, "owner"),
        tags);
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isString() ? node.get(field).asString() : null;
  }
}
