package dev.tarmac.catalog.store;

import dev.tarmac.sdk.catalog.EntityRelations;
import dev.tarmac.sdk.catalog.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Relation rows, each pair stored once as the entity that declares it states it (the source is the
 * originating entity); stitching reads an entity's relations from both directions.
 */
@Repository
public class Relations {

  private static final Comparator<String[]> ORDER =
      Comparator.<String[], String>comparing(r -> r[0])
          .thenComparing(r -> r[1])
          .thenComparing(r -> r[2]);

  private final JdbcClient jdbc;

  private final BulkInsert bulk;

  private final TableStatistics statistics;

  /** Creates the repository. */
  public Relations(JdbcClient jdbc, BulkInsert bulk, TableStatistics statistics) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.statistics = statistics;
  }

  /** Replaces the relations originating at the given entities; returns every entity they touch. */
  public Set<String> replace(
      Collection<String> originatingRefs, List<Relation> relations, List<String> origins) {
    return replace(originatingRefs, Set.of(), relations, origins);
  }

  /**
   * Replaces the relations originating at the given entities, of which those in {@code fresh} were
   * inserted in this transaction and have none yet; returns every entity whose relations changed or
   * may have (the sources of old and new relations in either direction).
   *
   * <p>{@code relations} holds both halves of each pair, as {@link EntityRelations#derive} gives
   * them; a relation whose source is not its origin is the reverse half and is not stored.
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
    for (List<String> chunk : Rows.chunks(stored, bulk.dialect())) {
      jdbc.sql(
              "SELECT source_entity_ref, target_entity_ref FROM catalog_relation"
                  + " WHERE source_entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              rs -> {
                touched.add(rs.getString(1));
                touched.add(rs.getString(2));
              });
      jdbc.sql("DELETE FROM catalog_relation WHERE source_entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
    List<Object[]> args = new ArrayList<>(relations.size() / 2 + 1);
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      String source = r.source().toString();
      String target = r.target().toString();
      touched.add(source);
      touched.add(target);
      // Stitching derives every stored relation's reverse half: refuse a type without one here.
      EntityRelations.reverseOf(r.type());
      if (source.equals(origins.get(i))) {
        args.add(new Object[] {source, r.type(), target});
      }
    }
    bulk.insert(
        "catalog_relation", List.of("source_entity_ref", "type", "target_entity_ref"), args);
    statistics.relationRowsWritten(args.size());
    return touched;
  }

  /** Deletes relations originating at the entities; returns every entity they touched. */
  public Set<String> deleteOriginating(Collection<String> refs) {
    return replace(refs, List.of(), List.of());
  }

  /**
   * Distinct (source, type, target) relations whose source is one of the refs, stored ones and
   * reverse halves of those pointing at the refs, sorted for stitching.
   */
  public List<String[]> bySources(Collection<String> refs) {
    List<String[]> all = new ArrayList<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql(
              "SELECT source_entity_ref, type, target_entity_ref FROM catalog_relation"
                  + " WHERE source_entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              (RowCallbackHandler)
                  rs -> all.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
      jdbc.sql(
              "SELECT target_entity_ref, type, source_entity_ref FROM catalog_relation"
                  + " WHERE target_entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              (RowCallbackHandler)
                  rs ->
                      all.add(
                          new String[] {
                            rs.getString(1),
                            EntityRelations.reverseOf(rs.getString(2)),
                            rs.getString(3)
                          }));
    }
    all.sort(ORDER);
    List<String[]> out = new ArrayList<>(all.size());
    for (String[] r : all) {
      if (out.isEmpty() || !Arrays.equals(out.get(out.size() - 1), r)) {
        out.add(r);
      }
    }
    return out;
  }
}
