package dev.tarmac.catalog.query;

import dev.tarmac.catalog.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns Backstage filters into index queries with the semantics the catalog API documents: keys and
 * values match case-insensitively, a key alone means the entity has it, several values are
 * alternatives, and a full-text term is a substring of one of the given fields.
 */
final class LuceneFilters {

  private LuceneFilters() {}

  /** The query selecting what {@code q} asks for (every entity when it has no conditions). */
  static Query of(EntityQuery q) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    if (q.filter() != null) {
      all.add(of(q.filter()), BooleanClause.Occur.FILTER);
    }
    if (q.fullTextTerm() != null && !q.fullTextTerm().isBlank() && !q.fullTextFields().isEmpty()) {
      all.add(fullText(q.fullTextTerm(), q.fullTextFields()), BooleanClause.Occur.FILTER);
    }
    return all.build();
  }

  /** The query for one predicate. */
  static Query of(EntityPredicate p) {
    if (p instanceof EntityPredicate.Key k) {
      String key = lower(k.key());
      if (k.values().isEmpty()) {
        return new TermQuery(new Term(SearchIndex.KEY, key));
      }
      List<BytesRef> terms = new ArrayList<>();
      k.values().forEach(v -> terms.add(new BytesRef(key + SearchIndex.SEPARATOR + lower(v))));
      return new TermInSetQuery(SearchIndex.KEY_VALUE, terms);
    }
    if (p instanceof EntityPredicate.Not n) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
          .add(of(n.not()), BooleanClause.Occur.MUST_NOT)
          .build();
    }
    if (p instanceof EntityPredicate.AllOf a) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
      a.all().forEach(c -> b.add(of(c), BooleanClause.Occur.FILTER));
      return b.build();
    }
    EntityPredicate.AnyOf any = (EntityPredicate.AnyOf) p;
    if (any.any().isEmpty()) {
      return new MatchNoDocsQuery("an empty anyOf matches nothing");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    any.any().forEach(c -> b.add(of(c), BooleanClause.Occur.SHOULD));
    return b.build();
  }

  private static Query fullText(String term, List<String> fields) {
    String needle = escape(term.trim().toLowerCase(Locale.ROOT));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : fields) {
      String prefix = escape(lower(field)) + SearchIndex.SEPARATOR;
      b.add(
          new WildcardQuery(new Term(SearchIndex.KEY_VALUE, prefix + "*" + needle + "*")),
          BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
