package dev.tarmac.catalog.store;

import dev.tarmac.catalog.CatalogChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stitched entities the API serves, and the change outbox that search indexes follow. */
@Repository
public class FinalEntities {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ApplicationEventPublisher events;

  private final BulkInsert bulk;

  /** Creates the repository. */
  public FinalEntities(
      JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.template = template;
    this.events = events;
    this.bulk = bulk;
  }

  /** Reads what stitching needs for the given refs. */
  public List<StitchInput> stitchInputs(Collection<String> refs) {
    List<StitchInput> out = new ArrayList<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      out.addAll(
          jdbc.sql(
                  "SELECT entity_ref, entity_id, "
                      + RefreshStates.PROCESSED_JSON
                      + ", errors_json FROM catalog_refresh_state WHERE entity_ref IN (:refs)")
              .param("refs", chunk)
              .query(
                  (rs, i) ->
                      new StitchInput(
                          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
              .list());
    }
    return out;
  }

  /** Current hashes of stored final entities. */
  public Map<String, String> hashes(Collection<String> refs) {
    Map<String, String> out = new HashMap<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql("SELECT entity_ref, hash FROM catalog_final_entity WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              rs -> {
                out.put(rs.getString(1), rs.getString(2));
              });
    }
    return out;
  }

  /**
   * Writes changed final entities and records them in the change outbox; the caller holds the
   * stitch claim on them (see {@link RefreshQueue#lockClaimed}).
   */
  public void write(List<FinalEntity> inserts, List<FinalEntity> updates, Instant now) {
    List<Object[]> ins = new ArrayList<>();
    for (FinalEntity e : inserts) {
      ins.add(
          new Object[] {e.entityRef(), e.entityId(), e.kind(), e.json(), e.hash(), Rows.ts(now)});
    }
    bulk.insert(
        "catalog_final_entity",
        List.of("entity_ref", "entity_id", "kind", "final_json", "hash", "updated_at"),
        ins);
    List<Object[]> upd = new ArrayList<>();
    for (FinalEntity e : updates) {
      upd.add(
          new Object[] {e.entityId(), e.kind(), e.json(), e.hash(), Rows.ts(now), e.entityRef()});
    }
    template.batchUpdate(
        "UPDATE catalog_final_entity SET entity_id = ?, kind = ?, final_json = ?, hash = ?,"
            + " updated_at = ? WHERE entity_ref = ?",
        upd);
    List<Object[]> changes = new ArrayList<>();
    inserts.forEach(e -> changes.add(new Object[] {e.entityRef(), false, Rows.ts(now)}));
    updates.forEach(e -> changes.add(new Object[] {e.entityRef(), false, Rows.ts(now)}));
    recordChanges(changes);
  }

  private void recordChanges(List<Object[]> changes) {
    if (changes.isEmpty()) {
      return;
    }
    bulk.insert("catalog_change", List.of("entity_ref", "deleted", "changed_at"), changes);
    // The outbox serves every replica; the event tells this one's modules without polling.
    Set<String> refs = new HashSet<>();
    changes.forEach(c -> refs.add((String) c[0]));
    events.publishEvent(new CatalogChanged(refs));
  }

  /** Changes after {@code afterId}, oldest first: {id, ref, deleted}. */
  public List<Object[]> changesAfter(long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, entity_ref, deleted FROM catalog_change WHERE id > ? ORDER BY id LIMIT ?")
        .params(afterId, limit)
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)})
        .list();
  }

  /** The newest change id, or 0. */
  public long lastChangeId() {
    Long id =
        jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM catalog_change").query(Long.class).single();
    return id == null ? 0 : id;
  }

  /** Forgets changes older than the cut-off (every replica has long since read them). */
  public int pruneChanges(Instant before) {
    // The newest change always stays, so a replica can tell whether changes after its index's
    // cursor were pruned (then it rebuilds) or simply never happened (then it resumes).
    return jdbc.sql(
            "DELETE FROM catalog_change WHERE changed_at < ?"
                + " AND id < (SELECT MAX(id) FROM catalog_change)")
        .param(Rows.ts(before))
        .update();
  }

  /** The oldest change id still in the outbox, or 0 when it is empty. */
  public long firstChangeId() {
    Long id =
        jdbc.sql("SELECT COALESCE(MIN(id), 0) FROM catalog_change").query(Long.class).single();
    return id == null ? 0 : id;
  }

  /** This catalog database's id, generated by the first replica that asks. */
  public String identity() {
    Optional<String> id =
        jdbc.sql("SELECT id FROM catalog_identity WHERE singleton = 1")
            .query(String.class)
            .optional();
    if (id.isPresent()) {
      return id.get();
    }
    try {
      jdbc.sql("INSERT INTO catalog_identity (singleton, id) VALUES (1, ?)")
          .param(UUID.randomUUID().toString())
          .update();
    } catch (DuplicateKeyException e) {
      // another replica was first
    }
    return jdbc.sql("SELECT id FROM catalog_identity WHERE singleton = 1")
        .query(String.class)
        .single();
  }

  /** Streams every final entity's JSON, for rebuilding an index. */
  public void forEach(java.util.function.Consumer<String> sink) {
    template.query(
        con -> {
          var ps = con.prepareStatement("SELECT final_json FROM catalog_final_entity");
          ps.setFetchSize(500);
          return ps;
        },
        rs -> {
          sink.accept(rs.getString(1));
        });
  }

  /** Removes final entities. */
  public void delete(Collection<String> refs) {
    Instant now = Instant.now();
    List<Object[]> changes = new ArrayList<>();
    refs.forEach(r -> changes.add(new Object[] {r, true, Rows.ts(now)}));
    recordChanges(changes);
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql("DELETE FROM catalog_final_entity WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
  }

  /** The final JSON of the most recently changed entities, newest first. */
  public List<String> recent(int limit) {
    return jdbc.sql(
            "SELECT final_json FROM catalog_final_entity ORDER BY updated_at DESC, entity_ref"
                + " LIMIT ?")
        .param(limit)
        .query(String.class)
        .list();
  }

  /** The final JSON of an entity by canonical ref. */
  public Optional<String> byRef(String ref) {
    return jdbc.sql("SELECT final_json FROM catalog_final_entity WHERE entity_ref = ?")
        .param(ref)
        .query(String.class)
        .optional();
  }

  /** The final JSON of an entity by uid. */
  public Optional<String> byUid(String uid) {
    return jdbc.sql("SELECT final_json FROM catalog_final_entity WHERE entity_id = ?")
        .param(uid)
        .query(String.class)
        .optional();
  }

  /** The canonical ref of an entity by uid. */
  public Optional<String> refByUid(String uid) {
    return jdbc.sql("SELECT entity_ref FROM catalog_final_entity WHERE entity_id = ?")
        .param(uid)
        .query(String.class)
        .optional();
  }

  /** Final JSON per ref for the refs that exist. */
  public Map<String, String> byRefs(Collection<String> refs) {
    Map<String, String> out = new HashMap<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql(
              "SELECT entity_ref, final_json FROM catalog_final_entity WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              rs -> {
                out.put(rs.getString(1), rs.getString(2));
              });
    }
    return out;
  }

  /** The time of the latest write to any final entity, or null. */
  public Instant lastUpdate() {
    return jdbc.sql("SELECT MAX(updated_at) FROM catalog_final_entity")
        .query((rs, i) -> Rows.instant(rs.getObject(1)))
        .optional()
        .orElse(null);
  }
}
