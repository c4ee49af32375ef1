package dev.tarmac.catalog.store;

import dev.tarmac.sdk.catalog.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Relation rows, stored per originating entity, read per source entity when stitching. */
@Repository
public class Relations {

  private final JdbcClient jdbc;

  private final BulkInsert bulk;

  private final TableStatistics statistics;

  /** Creates the repository. */
  public Relations(JdbcClient jdbc, BulkInsert bulk, TableStatistics statistics) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.statistics = statistics;
  }

  /** Replaces the relations originating at the given entities; returns every source touched. */
  public Set<String> replace(
      Collection<String> originatingRefs, List<Relation> relations, List<String> origins) {
    return replace(originatingRefs, Set.of(), relations, origins);
  }

  /**
   * Replaces the relations originating at the given entities, of which those in {@code fresh} were
   * inserted in this transaction and have none yet; returns every source touched.
   */
  public Set<String> replace(
      Collection<String> originatingRefs,
      Set<String> fresh,
      List<Relation> relations,
      List<String> origins) {
    Set<String> touched = new HashSet<>();
    List<String> stored =
        fresh.isEmpty()
            ? new ArrayList<>(originatingRefs)
            : originatingRefs.stream().filter(ref -> !fresh.contains(ref)).toList();
    for (List<String> chunk : Rows.chunks(stored)) {
      touched.addAll(
          jdbc.sql(
                  "SELECT DISTINCT source_entity_ref FROM catalog_relation"
                      + " WHERE originating_entity_ref IN (:refs)")
              .param("refs", chunk)
              .query(String.class)
              .list());
      jdbc.sql("DELETE FROM catalog_relation WHERE originating_entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
    List<Object[]> args = new ArrayList<>(relations.size());
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      String source = r.source().toString();
      touched.add(source);
      args.add(new Object[] {origins.get(i), source, r.type(), r.target().toString()});
    }
    bulk.insert(
        "catalog_relation",
        List.of("originating_entity_ref", "source_entity_ref", "type", "target_entity_ref"),
        args);
    statistics.relationRowsWritten(args.size());
    return touched;
  }

  /** Deletes relations originating at the entities; returns every source touched. */
  public Set<String> deleteOriginating(Collection<String> refs) {
    return replace(refs, List.of(), List.of());
  }

  /** Distinct (source, type, target) rows whose source is one of the refs, sorted for stitching. */
  public List<String[]> bySources(Collection<String> refs) {
    List<String[]> out = new ArrayList<>();
    for (List<String> chunk : Rows.chunks(refs)) {
      out.addAll(
          jdbc.sql(
                  "SELECT DISTINCT source_entity_ref, type, target_entity_ref FROM catalog_relation"
                      + " WHERE source_entity_ref IN (:refs)"
                      + " ORDER BY source_entity_ref, type, target_entity_ref")
              .param("refs", chunk)
              .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .list());
    }
    return out;
  }
}
