package dev.tarmac.catalog.search;

import dev.tarmac.catalog.store.FinalEntities;
import dev.tarmac.shared.Json;
import dev.tarmac.shared.TarmacSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * This replica's index of the catalog (Lucene, memory-mapped files under the data folder, kept
 * across restarts with the outbox position it reflects, and rebuilt when it cannot resume). It
 * serves full text search (names and titles weigh most, every word of the term must match, the last
 * one as a prefix) and the catalog API's filters, facets and sort keys over every flattened field,
 * and holds each entity's final JSON so a page is read from one snapshot.
 */
@Component
public class SearchIndex implements AutoCloseable {

  /** Filter keys the index supports. */
  public static final List<String> FILTERS =
      List.of("kind", "type", "lifecycle", "owner", "namespace", "tag");

  /** Field holding each flattened key (lower-cased) the entity has, with or without a value. */
  public static final String KEY = "k";

  /** Field holding {@code key SEPARATOR value}, both lower-cased, for filters and sort keys. */
  public static final String KEY_VALUE = "kv";

  /**
   * Field holding {@code key SEPARATOR value as written}, for facets, where the entity writes a
   * value otherwise than in lower case: then for every way it writes that value.
   */
  public static final String FACET = "o";

  /** Field holding the canonical entity ref. */
  public static final String REF = "ref";

  /** Stored field holding the final entity JSON. */
  public static final String JSON = "json";

  /** Separates a key from its value in {@link #KEY_VALUE} and {@link #FACET} terms. */
  public static final char SEPARATOR = '\u0000';

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
  private static final String CURSOR = "tarmac.cursor";

  /**
   * What a document holds and how, recorded with each commit: an index written under another layout
   * is rebuilt rather than resumed. 2: hits' text as Backstage's collator writes it.
   */
  static final String LAYOUT = "tarmac.layout";

  static final String LAYOUT_VERSION = "2";
  private final Analyzer analyzer = new StandardAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Path folder;
  private final boolean persistent;

  /** Creates an empty index in a scratch folder deleted on close (tests, fallback). */
  public SearchIndex() {
    this(scratch(), false);
  }

  /**
   * Opens this replica's index of the catalog database {@code catalogId} under {@code
   * <data-dir>/index}, kept across restarts; falls back to a scratch folder when another process
   * holds it. Folders of other catalog databases that nobody holds are deleted.
   */
  @Autowired
  public SearchIndex(TarmacSettings settings, FinalEntities finals) {
    this(persistentFolder(settings.dataDir().resolve("index"), finals.identity()), true);
  }

  SearchIndex(Path folder, boolean persistent) {
    Opened opened;
    try {
      try {
        opened = open(folder, persistent);
      } catch (LockObtainFailedException e) {
        log.warn("Search index {} is in use by another process; using a scratch index", folder);
        folder = scratch();
        persistent = false;
        opened = open(folder, false);
      } catch (IOException | RuntimeException e) {
        // Unreadable (damaged, or written by a codec this version no longer has): the index is
        // derived data, so start empty and let the indexer rebuild it from the database.
        log.warn("Search index {} cannot be opened ({}); rebuilding it", folder, e.toString());
        deleteTree(folder);
        opened = open(folder, persistent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.folder = folder;
    this.persistent = persistent;
    this.writer = opened.writer();
    this.searchers = opened.searchers();
  }

  private record Opened(IndexWriter writer, SearcherManager searchers) {}

  private Opened open(Path folder, boolean persistent) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setCodec(new RawStoredFieldsCodec());
    IndexWriter w = new IndexWriter(FSDirectory.open(folder), config);
    try {
      if (!persistent) {
        w.commit();
      }
      return new Opened(w, new SearcherManager(w, null));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(w);
      throw e;
    }
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("tarmac-search-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path persistentFolder(Path root, String catalogId) {
    Path folder = root.resolve("catalog-" + catalogId);
    try {
      Files.createDirectories(root);
      try (Stream<Path> others = Files.list(root)) {
        for (Path other : others.filter(p -> !p.equals(folder)).toList()) {
          deleteIfUnused(other);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private static void deleteIfUnused(Path other) {
    try (FSDirectory dir = FSDirectory.open(other);
        Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
    } catch (IOException | RuntimeException e) {
      return; // in use, or not an index: leave it
    }
    deleteTree(other);
  }

  /** Whether the index survives a restart (and so may resume from its committed cursor). */
  public boolean persistent() {
    return persistent;
  }

  /** The outbox position recorded with the last commit, or -1 when there is none. */
  public long committedCursor() {
    try {
      if (!DirectoryReader.indexExists(writer.getDirectory())) {
        return -1;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(writer.getDirectory()).getUserData();
      String cursor = data.get(CURSOR);
      return cursor == null || !LAYOUT_VERSION.equals(data.get(LAYOUT))
          ? -1
          : Long.parseLong(cursor);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Makes the index durable up to outbox position {@code cursor}. */
  public void commit(long cursor) {
    try {
      writer.setLiveCommitData(
          Map.of(CURSOR, Long.toString(cursor), LAYOUT, LAYOUT_VERSION).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces a final entity, given as its JSON. */
  public void putEntity(String json) {
    JsonNode entity = Json.parse(json);
    put(document(entity), SearchRowsBuilder.rows(entity), json);
  }

  /**
   * Adds or replaces an entity: its search document, flattened fields and final JSON. The work is
   * split over small methods: the JIT compiles each on its own, where one method holding it all was
   * the costliest compilation of a cold ingestion (twice, ~0.3 s each).
   */
  public void put(SearchDocument d, List<SearchRow> rows, String json) {
    Document doc = new Document();
    doc.add(new StringField(REF, d.ref(), Field.Store.YES));
    addFieldTerms(doc, rows);
    doc.add(new StoredField(JSON, json.getBytes(StandardCharsets.UTF_8)));
    addText(doc, d);
    addExactAndStored(doc, d);
    try {
      writer.updateDocument(new Term(REF, d.ref()), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the terms of each flattened key and key/value, and the facet terms of mixed case. */
  private static void addFieldTerms(Document doc, List<SearchRow> rows) {
    Set<String> keys = new HashSet<>();
    Set<String> terms = new HashSet<>();
    Set<String> mixedCase = null;
    for (SearchRow r : rows) {
      if (keys.add(r.key())) {
        doc.add(new StringField(KEY, r.key(), Field.Store.NO));
      }
      if (r.value() == null) {
        continue;
      }
      String term = r.key() + SEPARATOR + r.value();
      if (terms.add(term)) {
        doc.add(new StringField(KEY_VALUE, term, Field.Store.NO));
      }
      if (!r.originalValue().equals(r.value())) {
        if (mixedCase == null) {
          mixedCase = new HashSet<>();
        }
        mixedCase.add(term);
      }
    }
    if (mixedCase != null) {
      addFacetTerms(doc, rows, mixedCase);
    }
  }

  /**
   * Facets count values as written. Most are written in lower case already and are counted from
   * their KEY_VALUE term; only a value written otherwise gets FACET terms, one for each way the
   * entity writes it (see EntityQueries.facet). Indexing a FACET term for every value cost a third
   * of the indexer's time.
   */
  private static void addFacetTerms(Document doc, List<SearchRow> rows, Set<String> mixedCase) {
    Set<String> facets = new HashSet<>();
    for (SearchRow r : rows) {
      if (r.value() != null
          && mixedCase.contains(r.key() + SEPARATOR + r.value())
          && facets.add(r.key() + SEPARATOR + r.originalValue())) {
        doc.add(new StringField(FACET, r.key() + SEPARATOR + r.originalValue(), Field.Store.NO));
      }
    }
  }

  /** Adds the full-text fields: name, title and everything searched together. */
  private static void addText(Document doc, SearchDocument d) {
    doc.add(new TextField("name", d.name(), Field.Store.NO));
    doc.add(new TextField("title", d.title(), Field.Store.NO));
    StringBuilder all = new StringBuilder(d.name()).append(' ').append(d.title());
    if (d.text() != null) {
      all.append(' ').append(d.text());
    }
    for (String tag : d.tags()) {
      all.append(' ').append(tag);
      doc.add(new StringField("tag", lower(tag), Field.Store.NO));
    }
    if (d.type() != null) {
      all.append(' ').append(d.type());
    }
    doc.add(new TextField("all", all.toString(), Field.Store.NO));
  }

  /** Adds the exact-match filter fields and the stored fields a search hit is built from. */
  private static void addExactAndStored(Document doc, SearchDocument d) {
    exact(doc, "kind", d.kind());
    exact(doc, "namespace", d.namespace());
    exact(doc, "type", d.type());
    exact(doc, "lifecycle", d.lifecycle());
    exact(doc, "owner", d.owner());
    stored(doc, "s.title", d.title());
    stored(doc, "s.text", d.text());
    stored(doc, "s.location", d.location());
    stored(doc, "s.kind", d.kind());
    stored(doc, "s.namespace", d.namespace());
    stored(doc, "s.name", d.name());
    stored(doc, "s.type", d.type());
    stored(doc, "s.lifecycle", d.lifecycle());
    stored(doc, "s.owner", d.owner());
  }

  /** Merges the index into one segment and makes it visible (maintenance, tests). */
  void forceMerge() {
    try {
      writer.forceMerge(1);
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a document. */
  public void remove(String ref) {
    try {
      writer.deleteDocuments(new Term(REF, ref));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes every document. */
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the changes so far visible to searches. */
  public void refresh() {
    try {
      // Near-real-time reopen: no commit (and no fsync), as the index is rebuilt at start-up.
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Searches: every word of the term must match; filters match exactly (case-insensitively).
   *
   * @return the total number of hits and one page of them
   */
  public Page search(String term, Map<String, List<String>> filters, int offset, int limit) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    List<String> words = tokens(term == null ? "" : term);
    if (words.isEmpty()) {
      q.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean last = i == words.size() - 1;
      BooleanQuery.Builder word = new BooleanQuery.Builder();
      word.add(new BoostQuery(new TermQuery(new Term("name", w)), 4f), BooleanClause.Occur.SHOULD);
      word.add(new BoostQuery(new TermQuery(new Term("title", w)), 3f), BooleanClause.Occur.SHOULD);
      word.add(new TermQuery(new Term("all", w)), BooleanClause.Occur.SHOULD);
      if (last) {
        word.add(
            new BoostQuery(new PrefixQuery(new Term("name", w)), 2f), BooleanClause.Occur.SHOULD);
        word.add(new PrefixQuery(new Term("all", w)), BooleanClause.Occur.SHOULD);
      }
      q.add(word.build(), BooleanClause.Occur.MUST);
    }
    filters.forEach(
        (key, values) -> {
          BooleanQuery.Builder any = new BooleanQuery.Builder();
          values.forEach(
              v -> any.add(new TermQuery(new Term(key, lower(v))), BooleanClause.Occur.SHOULD));
          q.add(any.build(), BooleanClause.Occur.FILTER);
        });
    return run(q.build(), offset, limit);
  }

  /** Runs the reader against the current snapshot of the index. */
  public <T> T read(Function<IndexSearcher, T> reader) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return reader.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Page run(Query query, int offset, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query, Math.max(1, offset + limit));
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = offset; i < docs.length; i++) {
          Document d = searcher.storedFields().document(docs[i].doc);
          hits.add(
              new Hit(
                  new SearchDocument(
                      d.get("ref"),
                      d.get("s.title"),
                      d.get("s.text"),
                      d.get("s.location"),
                      d.get("s.kind"),
                      d.get("s.namespace"),
                      d.get("s.name"),
                      d.get("s.type"),
                      d.get("s.lifecycle"),
                      d.get("s.owner"),
                      List.of()),
                  i + 1));
        }
        return new Page(top.totalHits.value, hits);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("all", text)) {
      CharTermAttribute attr = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(attr.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void exact(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StringField(field, lower(value), Field.Store.NO));
    }
  }

  private static void stored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    if (!persistent) {
      deleteTree(folder);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", folder, e.toString());
    }
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
        documentText(kind, m, spec),
        "/catalog/" + namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name,
        kind,
        namespace,
        name,
        text(spec, "type"),
        text(spec, "lifecycle"),
        text(spec, "owner"),
        tags);
  }

  /**
   * A hit's text as Backstage's catalog collator writes it: the description, then a person's or
   * team's display name and a person's email, joined by {@code " : "}, so people are found by their
   * names.
   */
  static String documentText(String kind, JsonNode metadata, JsonNode spec) {
    List<String> parts = new ArrayList<>();
    boolean user = kind.equalsIgnoreCase("user");
    JsonNode profile = spec.path("profile");
    addText(parts, metadata.path("description"));
    if (user || kind.equalsIgnoreCase("group")) {
      addText(parts, profile.path("displayName"));
    }
    if (user) {
      addText(parts, profile.path("email"));
    }
    return String.join(" : ", parts);
  }

  private static void addText(List<String> parts, JsonNode value) {
    if (value.isString() && !value.asString().isEmpty()) {
      parts.add(value.asString());
    }
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isString() ? node.get(field).asString() : null;
  }

  /**
   * One page of results.
   *
   * @param total number of hits in all
   * @param hits the page
   */
  public record Page(long total, List<Hit> hits) {}

  /**
   * One result.
   *
   * @param document the indexed entity
   * @param rank its 1-based position among all hits
   */
  public record Hit(SearchDocument document, int rank) {}
}
