package dev.tarmac.catalog.query;

import dev.tarmac.catalog.store.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads final entities by filter, order and page, straight from the database as stored JSON. */
@Repository
public class EntityQueries {

  private final JdbcTemplate jdbc;
  private volatile Boolean correlatedOrder;

  /** Creates the query service. */
  public EntityQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Whether sort keys are read by a correlated subquery per row (H2) rather than a join on a
   * grouped derived table (PostgreSQL): H2 re-runs such a derived table for every outer row, which
   * made a sorted page of 10,000 entities take seconds; PostgreSQL hashes it once.
   */
  private boolean correlatedOrder() {
    Boolean c = correlatedOrder;
    if (c == null) {
      c = Dialect.of(jdbc.getDataSource()) == Dialect.H2;
      correlatedOrder = c;
    }
    return c;
  }

  /** Streams the stored JSON of every matching entity to the sink, in order. */
  public void stream(EntityQuery q, Consumer<String> sink) {
    List<Object> params = new ArrayList<>();
    String sql = select("f.final_json", q, params, true);
    jdbc.query(
        con -> {
          var ps = con.prepareStatement(sql);
          ps.setFetchSize(500);
          for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
          }
          return ps;
        },
        rs -> {
          sink.accept(rs.getString(1));
        });
  }

  /** The stored JSON of one page of matching entities. */
  public List<String> page(EntityQuery q) {
    List<String> out = new ArrayList<>();
    stream(q, out::add);
    return out;
  }

  /** Number of matching entities (paging ignored). */
  public long count(EntityQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM catalog_final_entity f");
    where(q, sql, params);
    Long n = jdbc.queryForObject(sql.toString(), Long.class, params.toArray());
    return n == null ? 0 : n;
  }

  /** Counts per original value of each facet key over matching entities. */
  public Map<String, List<FacetCount>> facets(List<String> facets, EntityPredicate filter) {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (String facet : facets) {
      List<Object> params = new ArrayList<>();
      StringBuilder sql =
          // Distinct (value, entity) pairs first: both levels hash, where COUNT(DISTINCT) sorts.
          new StringBuilder(
              "SELECT v, COUNT(*) FROM (SELECT DISTINCT s.original_value AS v, s.entity_ref"
                  + " FROM catalog_search s WHERE s.skey = ? AND s.original_value IS NOT NULL");
      params.add(facet.toLowerCase(Locale.ROOT));
      if (filter != null) {
        sql.append(" AND s.entity_ref IN (SELECT f.entity_ref FROM catalog_final_entity f WHERE ");
        SqlPredicate.append(filter, sql, params);
        sql.append(')');
      }
      sql.append(") d GROUP BY v ORDER BY v");
      out.put(
          facet,
          jdbc.query(
              sql.toString(),
              (rs, i) -> new FacetCount(rs.getString(1), rs.getLong(2)),
              params.toArray()));
    }
    return out;
  }

  private String select(String columns, EntityQuery q, List<Object> params, boolean page) {
    boolean correlated = correlatedOrder();
    StringBuilder sql =
        new StringBuilder("SELECT ").append(columns).append(" FROM catalog_final_entity f");
    for (int i = 0; !correlated && i < q.order().size(); i++) {
      sql.append(
              " LEFT JOIN (SELECT entity_ref, MIN(svalue) AS v FROM catalog_search"
                  + " WHERE skey = ? GROUP BY entity_ref) o")
          .append(i)
          .append(" ON o")
          .append(i)
          .append(".entity_ref = f.entity_ref");
      params.add(q.order().get(i).field().toLowerCase(Locale.ROOT));
    }
    where(q, sql, params);
    sql.append(" ORDER BY ");
    for (int i = 0; i < q.order().size(); i++) {
      if (correlated) {
        sql.append(
            "(SELECT MIN(s.svalue) FROM catalog_search s"
                + " WHERE s.entity_ref = f.entity_ref AND s.skey = ?) ");
        params.add(q.order().get(i).field().toLowerCase(Locale.ROOT));
      } else {
        sql.append('o').append(i).append(".v ");
      }
      sql.append(q.order().get(i).ascending() ? "ASC" : "DESC").append(" NULLS LAST, ");
    }
    sql.append("f.entity_ref");
    if (page && q.limit() >= 0) {
      sql.append(" LIMIT ").append(q.limit());
    }
    if (page && q.offset() > 0) {
      sql.append(" OFFSET ").append(q.offset());
    }
    return sql.toString();
  }

  private static void where(EntityQuery q, StringBuilder sql, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    if (q.filter() != null) {
      StringBuilder c = new StringBuilder();
      SqlPredicate.append(q.filter(), c, params);
      conditions.add(c.toString());
    }
    if (q.fullTextTerm() != null && !q.fullTextTerm().isBlank() && !q.fullTextFields().isEmpty()) {
      StringBuilder c =
          new StringBuilder(
              "f.entity_ref IN (SELECT entity_ref FROM catalog_search WHERE skey IN (");
      for (int i = 0; i < q.fullTextFields().size(); i++) {
        c.append(i == 0 ? "?" : ", ?");
        params.add(q.fullTextFields().get(i).toLowerCase(Locale.ROOT));
      }
      c.append(") AND svalue LIKE ? ESCAPE '!')");
      params.add("%" + escapeLike(q.fullTextTerm().trim().toLowerCase(Locale.ROOT)) + "%");
      conditions.add(c.toString());
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
  }

  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /**
   * One facet value and how many entities have it.
   *
   * @param value the value as written
   * @param count number of entities
   */
  public record FacetCount(String value, long count) {}
}
