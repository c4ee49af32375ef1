package dev.tarmac.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
import org.springframework.stereotype.Component;

/**
 * This replica's full-text index of the catalog (Lucene, in a scratch folder it deletes on close,
 * memory-mapped rather than on the heap, and rebuilt from the database at start-up): names and
 * titles weigh most, every word of the term must match (the last one as a prefix, for search as you
 * type), and the filters (kind, type, lifecycle, owner, namespace, tag) are exact.
 */
@Component
public class SearchIndex implements AutoCloseable {

  /** Filter keys the index supports. */
  public static final List<String> FILTERS =
      List.of("kind", "type", "lifecycle", "owner", "namespace", "tag");

  private final Analyzer analyzer = new StandardAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Path folder;

  /** Creates an empty index. */
  public SearchIndex() {
    try {
      folder = Files.createTempDirectory("tarmac-search-");
      writer = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig(analyzer));
      writer.commit();
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces a document. */
  public void put(SearchDocument d) {
    Document doc = new Document();
    doc.add(new StringField("ref", d.ref(), Field.Store.YES));
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
    try {
      writer.updateDocument(new Term("ref", d.ref()), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a document. */
  public void remove(String ref) {
    try {
      writer.deleteDocuments(new Term("ref", ref));
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
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
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
