package dev.tarmac.catalog.query;

import dev.tarmac.catalog.search.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Sort positions read off the index's term dictionary, cached per index snapshot: every live
 * entity's position by ref, and per sort key the position of its smallest (lower-cased) value, so
 * ordering a page costs one pass over the matches instead of a database sort.
 */
final class SortOrders {

  /** Position of an entity without a value for the key. */
  static final int MISSING = Integer.MAX_VALUE;

  private Object snapshot;
  private final Map<String, int[]> cache = new HashMap<>();

  /** Live documents in ref order. */
  synchronized int[] byRef(IndexReader reader) {
    return cached(reader, "\u0000ref", () -> refOrder(reader));
  }

  /** Per document, the rank of its smallest value of {@code key}, or {@link #MISSING}. */
  synchronized int[] ranks(IndexReader reader, String key) {
    return cached(reader, key, () -> keyRanks(reader, key));
  }

  private int[] cached(IndexReader reader, String key, IoSupplier compute) {
    Object current =
        reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    if (current != snapshot) {
      cache.clear();
      snapshot = current;
    }
    int[] out = cache.get(key);
    if (out == null) {
      try {
        out = compute.get();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cache.put(key, out);
    }
    return out;
  }

  private static int[] refOrder(IndexReader reader) throws IOException {
    int[] order = new int[reader.numDocs()];
    int n = 0;
    Terms terms = MultiTerms.getTerms(reader, SearchIndex.REF);
    if (terms == null) {
      return order;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    while (te.next() != null) {
      postings = te.postings(postings, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if ((live == null || live.get(d)) && n < order.length) {
          order[n++] = d;
        }
      }
    }
    return n == order.length ? order : Arrays.copyOf(order, n);
  }

  private static int[] keyRanks(IndexReader reader, String key) throws IOException {
    int[] ranks = new int[reader.maxDoc()];
    Arrays.fill(ranks, MISSING);
    Terms terms = MultiTerms.getTerms(reader, SearchIndex.KEY_VALUE);
    if (terms == null) {
      return ranks;
    }
    BytesRef prefix = new BytesRef(key + SearchIndex.SEPARATOR);
    TermsEnum te = terms.iterator();
    if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return ranks;
    }
    PostingsEnum postings = null;
    int rank = 0;
    // Terms come in ascending order, so the first term a document appears under is its smallest.
    for (BytesRef term = te.term(); term != null && startsWith(term, prefix); term = te.next()) {
      postings = te.postings(postings, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (ranks[d] == MISSING) {
          ranks[d] = rank;
        }
      }
      rank++;
    }
    return ranks;
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    if (term.length < prefix.length) {
      return false;
    }
    return Arrays.equals(
        term.bytes,
        term.offset,
        term.offset + prefix.length,
        prefix.bytes,
        prefix.offset,
        prefix.offset + prefix.length);
  }

  @FunctionalInterface
  private interface IoSupplier {
    int[] get() throws IOException;
  }
}
