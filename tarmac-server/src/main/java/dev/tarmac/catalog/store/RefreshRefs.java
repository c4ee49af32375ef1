package dev.tarmac.catalog.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who emits whom: registered locations and parent entities pointing at the entities they emit. */
@Repository
public class RefreshRefs {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  private final BulkInsert bulk;

  /** Creates the repository. */
  public RefreshRefs(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.template = template;
    this.bulk = bulk;
  }

  /** The entities a parent currently emits. */
  public Set<String> emittedBy(String parentRef) {
    return new HashSet<>(
        jdbc.sql("SELECT target_entity_ref FROM catalog_refresh_ref WHERE source_entity_ref = ?")
            .param(parentRef)
            .query(String.class)
            .list());
  }

  /** The entities a registered location emits. */
  public Set<String> emittedByKey(String sourceKey) {
    return new HashSet<>(
        jdbc.sql("SELECT target_entity_ref FROM catalog_refresh_ref WHERE source_key = ?")
            .param(sourceKey)
            .query(String.class)
            .list());
  }

  /** Records that a parent emits these entities too. */
  public void addEmitted(String parentRef, Collection<String> targets) {
    List<Object[]> args = new ArrayList<>(targets.size());
    for (String t : targets) {
      args.add(new Object[] {parentRef, t});
    }
    bulk.insert("catalog_refresh_ref", List.of("source_entity_ref", "target_entity_ref"), args);
  }

  /** Records that a parent no longer emits these entities. */
  public void removeEmitted(String parentRef, Collection<String> targets) {
    for (List<String> chunk : Rows.chunks(targets, bulk.dialect())) {
      jdbc.sql(
              "DELETE FROM catalog_refresh_ref WHERE source_entity_ref = :parent"
                  + " AND target_entity_ref IN (:refs)")
          .param("parent", parentRef)
          .param("refs", chunk)
          .update();
    }
  }

  /** Adds a registered location's root entity. */
  public void addRoot(String sourceKey, String targetRef) {
    jdbc.sql("INSERT INTO catalog_refresh_ref (source_key, target_entity_ref) VALUES (?, ?)")
        .params(sourceKey, targetRef)
        .update();
  }

  /** Removes everything a registered location or parent emits; returns the former targets. */
  public Set<String> removeSource(String sourceKey, String parentRef) {
    Set<String> targets = sourceKey != null ? emittedByKey(sourceKey) : emittedBy(parentRef);
    if (sourceKey != null) {
      jdbc.sql("DELETE FROM catalog_refresh_ref WHERE source_key = ?").param(sourceKey).update();
    } else {
      jdbc.sql("DELETE FROM catalog_refresh_ref WHERE source_entity_ref = ?")
          .param(parentRef)
          .update();
    }
    return targets;
  }

  /** Refs among {@code refs} that some source other than {@code exceptParent} still emits. */
  public Set<String> emittedByOthers(Collection<String> refs, String exceptParent) {
    Set<String> out = new HashSet<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      out.addAll(
          jdbc.sql(
                  "SELECT DISTINCT target_entity_ref FROM catalog_refresh_ref"
                      + " WHERE target_entity_ref IN (:refs)"
                      + " AND (source_entity_ref IS NULL OR source_entity_ref <> :parent)")
              .param("refs", chunk)
              .param("parent", exceptParent)
              .query(String.class)
              .list());
    }
    return out;
  }

  /** Number of incoming emissions per ref (zero ones are absent: orphans). */
  public Map<String, Integer> incomingCounts(Collection<String> refs) {
    Map<String, Integer> out = new HashMap<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql(
              "SELECT target_entity_ref, COUNT(*) FROM catalog_refresh_ref"
                  + " WHERE target_entity_ref IN (:refs) GROUP BY target_entity_ref")
          .param("refs", chunk)
          .query(
              rs -> {
                out.put(rs.getString(1), rs.getInt(2));
              });
    }
    return out;
  }

  /** The parents (entity refs) that emit a given entity. */
  public List<String> parentsOf(String ref) {
    return jdbc.sql(
            "SELECT source_entity_ref FROM catalog_refresh_ref"
                + " WHERE target_entity_ref = ? AND source_entity_ref IS NOT NULL")
        .param(ref)
        .query(String.class)
        .list();
  }
}
