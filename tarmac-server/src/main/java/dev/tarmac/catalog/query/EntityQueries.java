package dev.tarmac.catalog.query;

import dev.tarmac.catalog.search.SearchIndex;
import dev.tarmac.catalog.search.SearchIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SparseFixedBitSet;
import org.apache.lucene.util.StringHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * Reads final entities by filter, order and page from this replica's catalog index, after letting
 * it catch up with every change committed so far.
 */
@Repository
public class EntityQueries {

  private static final int CHUNK = 512;
  private final SearchIndex index;
  private final Runnable catchUp;
  private final SortOrders orders = new SortOrders();

  /** Creates the query service. */
  @Autowired
  public EntityQueries(SearchIndex index, SearchIndexer indexer) {
    this(index, indexer::catchUp);
  }

  /** Creates the query service over an index kept current by {@code catchUp}. */
  EntityQueries(SearchIndex index, Runnable catchUp) {
    this.index = index;
    this.catchUp = catchUp;
  }

  /** Streams the stored JSON of every matching entity in the page to the sink, in order. */
  public void stream(EntityQuery q, Consumer<String> sink) {
    streamUtf8(q, json -> sink.accept(new String(json, StandardCharsets.UTF_8)));
  }

  /** Streams the stored JSON, as UTF-8 bytes, of every matching entity in the page, in order. */
  public void streamUtf8(EntityQuery q, Consumer<byte[]> sink) {
    catchUp.run();
    index.read(searcher -> emit(searcher, q, sink));
  }

  /** One page of matching entities' stored JSON and the number of all matches, read together. */
  public Page pageUtf8(EntityQuery q) {
    catchUp.run();
    return index.read(
        searcher -> {
          List<byte[]> items = new ArrayList<>();
          long total = emit(searcher, q, items::add);
          return new Page(items, total);
        });
  }

  /**
   * One page of stored JSON (UTF-8) and the total number of matches, paging ignored.
   *
   * @param items the page's entities in order
   * @param total how many entities match
   */
  public record Page(List<byte[]> items, long total) {}

  /** Hands the page's stored JSON to the sink in order; returns the number of all matches. */
  private long emit(IndexSearcher searcher, EntityQuery q, Consumer<byte[]> sink) {
    try {
      StoredFields stored = searcher.storedFields();
      FixedBitSet hits = matches(searcher, q);
      int[] docs = select(searcher, q, hits);
      // Read in document order (neighbours share file pages), a chunk at a time, and hand out in
      // the page's order.
      JsonVisitor visitor = new JsonVisitor();
      for (int start = 0; start < docs.length; start += CHUNK) {
        int n = Math.min(CHUNK, docs.length - start);
        long[] byDoc = new long[n];
        for (int i = 0; i < n; i++) {
          byDoc[i] = ((long) docs[start + i] << 32) | i;
        }
        Arrays.sort(byDoc);
        byte[][] json = new byte[n][];
        for (long packed : byDoc) {
          stored.document((int) (packed >>> 32), visitor);
          json[(int) packed] = visitor.take();
        }
        for (byte[] j : json) {
          sink.accept(j);
        }
      }
      return hits.cardinality();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects the stored JSON field of one document and skips the rest. */
  private static final class JsonVisitor extends StoredFieldVisitor {
    private byte[] json;

    @Override
    public Status needsField(FieldInfo field) {
      if (field.name.equals(SearchIndex.JSON)) {
        return Status.YES;
      }
      return json == null ? Status.NO : Status.STOP;
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) {
      json = value;
    }

    byte[] take() {
      byte[] out = json;
      json = null;
      if (out == null) {
        throw new IllegalStateException("an indexed entity has no stored JSON");
      }
      return out;
    }
  }

  /** The stored JSON of one page of matching entities. */
  public List<String> page(EntityQuery q) {
    List<String> out = new ArrayList<>();
    stream(q, out::add);
    return out;
  }

  /** Number of matching entities (paging ignored). */
  public long count(EntityQuery q) {
    catchUp.run();
    return index.read(searcher -> (long) matches(searcher, q).cardinality());
  }

  /** Counts per original value of each facet key over matching entities, values in order. */
  public Map<String, List<FacetCount>> facets(List<String> facets, EntityPredicate filter) {
    catchUp.run();
    return index.read(
        searcher -> {
          FixedBitSet hits = matches(searcher, EntityQuery.all(filter));
          Map<String, List<FacetCount>> out = new LinkedHashMap<>();
          for (String facet : facets) {
            out.put(facet, facet(searcher.getIndexReader(), facet, hits));
          }
          return out;
        });
  }

  /**
   * Counts the matching entities per value as written. A value written in lower case is counted
   * from its KEY_VALUE term, less the entities that also write it otherwise (those carry FACET
   * terms for each way they write it); every other value from its FACET term.
   */
  private static List<FacetCount> facet(IndexReader reader, String facet, FixedBitSet hits) {
    BytesRef prefix = new BytesRef(facet.toLowerCase(Locale.ROOT) + SearchIndex.SEPARATOR);
    Map<BytesRef, Long> counts = new TreeMap<>();
    // Sparse: a facet over names may hold a set for each of thousands of values.
    Map<String, SparseFixedBitSet> writtenOtherwise = new HashMap<>();
    try {
      forEachTerm(
          reader,
          SearchIndex.FACET,
          prefix,
          (value, docs) -> {
            String lower = value.utf8ToString().toLowerCase(Locale.ROOT);
            SparseFixedBitSet those =
                writtenOtherwise.computeIfAbsent(lower, v -> new SparseFixedBitSet(hits.length()));
            long n = 0;
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
              if (hits.get(d)) {
                those.set(d);
                n++;
              }
            }
            counts.merge(value, n, Long::sum);
          });
      forEachTerm(
          reader,
          SearchIndex.KEY_VALUE,
          prefix,
          (value, docs) -> {
            SparseFixedBitSet otherwise =
                writtenOtherwise.isEmpty() ? null : writtenOtherwise.get(value.utf8ToString());
            long n = 0;
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
              if (hits.get(d) && (otherwise == null || !otherwise.get(d))) {
                n++;
              }
            }
            counts.merge(value, n, Long::sum);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<FacetCount> out = new ArrayList<>();
    counts.forEach(
        (value, n) -> {
          if (n > 0) {
            out.add(new FacetCount(value.utf8ToString(), n));
          }
        });
    return out;
  }

  /** Calls {@code visit} with the value (after the prefix) and postings of each prefixed term. */
  private static void forEachTerm(
      IndexReader reader, String field, BytesRef prefix, TermVisitor visit) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return;
    }
    TermsEnum te = terms.iterator();
    if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return;
    }
    PostingsEnum postings = null;
    for (BytesRef term = te.term(); term != null && StringHelper.startsWith(term, prefix); ) {
      postings = te.postings(postings, PostingsEnum.NONE);
      visit.accept(
          new BytesRef(
              Arrays.copyOfRange(
                  term.bytes, term.offset + prefix.length, term.offset + term.length)),
          postings);
      term = te.next();
    }
  }

  @FunctionalInterface
  private interface TermVisitor {
    void accept(BytesRef value, PostingsEnum docs) throws IOException;
  }

  /** Number of entities per kind (as written), from the index. */
  public Map<String, Long> countByKind() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (FacetCount c : facets(List.of("kind"), null).getOrDefault("kind", List.of())) {
      out.merge(c.value(), c.count(), Long::sum);
    }
    return out;
  }

  /** The matching live documents, as global document ids. */
  private static FixedBitSet matches(IndexSearcher searcher, EntityQuery q) {
    FixedBitSet hits = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
    try {
      searcher.search(
          LuceneFilters.of(q),
          new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
              base = context.docBase;
            }

            @Override
            public void collect(int doc) {
              hits.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  /** The documents of the requested page, in order: sort keys in turn, then entity ref. */
  private int[] select(IndexSearcher searcher, EntityQuery q, FixedBitSet hits) {
    int from = Math.max(0, q.offset());
    int limit = q.limit() < 0 ? Integer.MAX_VALUE : q.limit();
    if (limit == 0 || hits.cardinality() <= from) {
      // A count (limit=0) or a page past the end: no sort order is built for it.
      return new int[0];
    }
    IndexReader reader = searcher.getIndexReader();
    int[] byRef = orders.byRef(reader);
    if (q.order().isEmpty()) {
      int[] page = new int[Math.min(hits.cardinality(), limit)];
      int n = 0;
      int skipped = 0;
      for (int i = 0; i < byRef.length && n < page.length; i++) {
        if (hits.get(byRef[i]) && skipped++ >= from) {
          page[n++] = byRef[i];
        }
      }
      return n == page.length ? page : Arrays.copyOf(page, n);
    }
    List<int[]> ranks = new ArrayList<>();
    for (EntityQuery.Order o : q.order()) {
      ranks.add(orders.ranks(reader, o.field().toLowerCase(Locale.ROOT)));
    }
    // Matches in ref order first, so a stable sort on the keys leaves ties in ref order.
    Integer[] docs = new Integer[hits.cardinality()];
    int n = 0;
    for (int doc : byRef) {
      if (hits.get(doc) && n < docs.length) {
        docs[n++] = doc;
      }
    }
    Integer[] matched = n == docs.length ? docs : Arrays.copyOf(docs, n);
    Arrays.sort(matched, (a, b) -> compare(q.order(), ranks, a, b));
    int end = (int) Math.min(matched.length, (long) from + limit);
    int[] page = new int[Math.max(0, end - from)];
    for (int i = from; i < end; i++) {
      page[i - from] = matched[i];
    }
    return page;
  }

  private static int compare(List<EntityQuery.Order> order, List<int[]> ranks, int a, int b) {
    for (int i = 0; i < order.size(); i++) {
      int ra = ranks.get(i)[a];
      int rb = ranks.get(i)[b];
      if (ra == rb) {
        continue;
      }
      // Entities without the key come last in either direction (NULLS LAST).
      if (ra == SortOrders.MISSING || rb == SortOrders.MISSING) {
        return ra == SortOrders.MISSING ? 1 : -1;
      }
      return order.get(i).ascending() ? Integer.compare(ra, rb) : Integer.compare(rb, ra);
    }
    return 0;
  }

  /**
   * One facet value and how many entities have it.
   *
   * @param value the value as written
   * @param count number of entities
   */
  public record FacetCount(String value, long count) {}
}
