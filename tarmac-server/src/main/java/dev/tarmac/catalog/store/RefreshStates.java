package dev.tarmac.catalog.store;

import dev.tarmac.shared.Hashes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents of each entity's processing state: as emitted, as last processed, its errors and
 * owner. Rows are written only when their content changes; scheduling lives in {@link
 * RefreshQueue}, which this repository keeps in step on insert and delete.
 */
@Repository
public class RefreshStates {

  /**
   * The last good processed entity of a row (or null): stored apart only where it differs from the
   * emitted one.
   */
  static final String PROCESSED_JSON =
      "CASE WHEN processed_as_emitted THEN unprocessed_json ELSE processed_json END";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final RefreshQueue queue;
  private final BulkInsert bulk;

  /** Creates the repository. */
  public RefreshStates(
      JdbcClient jdbc, JdbcTemplate template, RefreshQueue queue, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.template = template;
    this.queue = queue;
    this.bulk = bulk;
  }

  /** The processing state of claimed entities. */
  public List<RefreshRow> load(List<String> refs, Instant leaseUntil) {
    List<RefreshRow> rows = new ArrayList<>(refs.size());
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      rows.addAll(
          jdbc.sql(
                  "SELECT entity_ref, entity_id, unprocessed_json, "
                      + PROCESSED_JSON
                      + ", result_hash, errors_json, location_key, source_etag"
                      + " FROM catalog_refresh_state"
                      + " WHERE entity_ref IN (:refs)")
              .param("refs", chunk)
              .query(
                  (rs, i) ->
                      new RefreshRow(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8),
                          leaseUntil))
              .list());
    }
    return rows;
  }

  /**
   * Writes changed processing results (the caller has released their leases). A result equal to the
   * row's emitted form (same hash) is stored as a flag; a failed one (no entity) keeps the last
   * good.
   */
  public void writeResults(List<ProcessedResult> results, Instant now) {
    List<Object[]> args = new ArrayList<>(results.size());
    for (ProcessedResult r : results) {
      String hash = r.processedJson() == null ? null : Hashes.sha256(r.processedJson());
      args.add(
          new Object[] {
            hash,
            hash,
            r.processedJson(),
            hash,
            hash,
            r.resultHash(),
            r.errorsJson(),
            r.sourceEtag(),
            Rows.ts(now),
            r.entityRef()
          });
    }
    template.batchUpdate(
        "UPDATE catalog_refresh_state SET processed_json = CASE"
            + " WHEN CAST(? AS VARCHAR(64)) IS NULL THEN processed_json"
            + " WHEN unprocessed_hash = CAST(? AS VARCHAR(64)) THEN NULL ELSE ? END,"
            + " processed_as_emitted = CASE WHEN CAST(? AS VARCHAR(64)) IS NULL"
            + " THEN processed_as_emitted ELSE unprocessed_hash = CAST(? AS VARCHAR(64)) END,"
            + " result_hash = COALESCE(?, result_hash), errors_json = ?, source_etag = ?,"
            + " updated_at = ? WHERE entity_ref = ?",
        args);
  }

  /** Replaces a row's stored errors (a conflict found while writing its children). */
  public void setErrors(String entityRef, String errorsJson) {
    jdbc.sql("UPDATE catalog_refresh_state SET errors_json = ? WHERE entity_ref = ?")
        .params(errorsJson, entityRef)
        .update();
  }

  /** Current owner and content hash of the given refs. */
  public Map<String, Existing> existing(Collection<String> refs) {
    Map<String, Existing> out = new HashMap<>();
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql(
              "SELECT entity_ref, location_key, unprocessed_hash FROM catalog_refresh_state"
                  + " WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .query(
              rs -> {
                out.put(rs.getString(1), new Existing(rs.getString(2), rs.getString(3)));
              });
    }
    return out;
  }

  /** Inserts new entities, due for processing now. */
  public void insert(List<EmittedEntity> entities, Instant now) {
    insert(entities, Map.of(), now);
  }

  /**
   * Inserts new entities; those with a result in {@code processed} (keyed by ref) are stored as
   * processed, due again at the result's time and waiting to be stitched, the others due now.
   */
  public void insert(
      List<EmittedEntity> entities, Map<String, ProcessedResult> processed, Instant now) {
    List<Object[]> args = new ArrayList<>(entities.size());
    for (EmittedEntity e : entities) {
      ProcessedResult r = processed.get(e.entityRef());
      boolean asEmitted =
          r != null && r.processedJson() != null && r.processedJson().equals(e.unprocessedJson());
      args.add(
          new Object[] {
            e.entityRef(),
            EntityUids.next(),
            e.unprocessedJson(),
            e.unprocessedHash(),
            r == null || asEmitted ? null : r.processedJson(),
            asEmitted,
            r == null ? null : r.resultHash(),
            r == null ? null : r.errorsJson(),
            r == null ? null : r.sourceEtag(),
            e.locationKey(),
            e.originKey(),
            Rows.ts(now),
            Rows.ts(now)
          });
    }
    bulk.insert(
        "catalog_refresh_state",
        List.of(
            "entity_ref",
            "entity_id",
            "unprocessed_json",
            "unprocessed_hash",
            "processed_json",
            "processed_as_emitted",
            "result_hash",
            "errors_json",
            "source_etag",
            "location_key",
            "origin_key",
            "created_at",
            "updated_at"),
        args);
    queue.insert(entities.stream().map(EmittedEntity::entityRef).toList(), processed, now);
  }

  /** Replaces the emitted form (and owner) of existing entities and makes them due now. */
  public void replaceUnprocessed(List<EmittedEntity> entities, Instant now) {
    replaceUnprocessed(entities, Map.of(), now);
  }

  /**
   * Replaces the emitted form (and owner) of existing entities; those with a result in {@code
   * processed} also get it (a failed one keeps the last good entity) and wait to be stitched, the
   * others are due now. Either way a lease another replica holds on them is void.
   */
  public void replaceUnprocessed(
      List<EmittedEntity> entities, Map<String, ProcessedResult> processed, Instant now) {
    List<Object[]> args = new ArrayList<>(entities.size());
    List<ProcessedResult> results = new ArrayList<>();
    List<String> due = new ArrayList<>();
    for (EmittedEntity e : entities) {
      args.add(
          new Object[] {
            e.unprocessedJson(),
            e.unprocessedHash(),
            e.locationKey(),
            e.originKey(),
            Rows.ts(now),
            e.entityRef()
          });
      ProcessedResult r = processed.get(e.entityRef());
      if (r == null) {
        due.add(e.entityRef());
      } else {
        results.add(r);
      }
    }
    template.batchUpdate(
        // A processed form stored as "same as emitted" is copied out first, so that a failed
        // processing of the new form still keeps the last good one.
        "UPDATE catalog_refresh_state SET processed_json = "
            + PROCESSED_JSON
            + ", processed_as_emitted = FALSE, unprocessed_json = ?, unprocessed_hash = ?,"
            + " location_key = ?, origin_key = ?, updated_at = ? WHERE entity_ref = ?",
        args);
    writeResults(results, now);
    queue.dueNow(due, now);
    queue.schedule(results);
  }

  /** Inserts or replaces a root entity (a registered location's generated Location). */
  public void upsertRoot(EmittedEntity root, Instant now) {
    if (existing(List.of(root.entityRef())).isEmpty()) {
      insert(List.of(root), now);
    } else {
      replaceUnprocessed(List.of(root), now);
    }
  }

  /** The emitted form of an entity, if it is known. */
  public String unprocessed(String entityRef) {
    return jdbc.sql("SELECT unprocessed_json FROM catalog_refresh_state WHERE entity_ref = ?")
        .param(entityRef)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Deletes entities' processing state. */
  public void delete(Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql("DELETE FROM catalog_refresh_state WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
    queue.delete(refs);
  }

  /** Forgets the last result of the given entities so their next processing rewrites it all. */
  public void forgetResults(Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs, bulk.dialect())) {
      jdbc.sql("UPDATE catalog_refresh_state SET result_hash = NULL WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
  }

  /**
   * Entities whose last processing failed or warned, optionally under one registered location: ref,
   * location key, errors JSON, uid and state (failed: never stored; stale: last good kept).
   */
  public List<String[]> withErrors(String originKey, int limit) {
    return jdbc.sql(
            "SELECT entity_ref, location_key, errors_json, entity_id,"
                + " CASE WHEN processed_json IS NULL AND NOT processed_as_emitted THEN 'failed'"
                + " ELSE 'stale' END"
                + " FROM catalog_refresh_state WHERE errors_json IS NOT NULL"
                + (originKey == null ? "" : " AND origin_key = :origin")
                + " ORDER BY entity_ref LIMIT :limit")
        .params(
            originKey == null
                ? Map.<String, Object>of()
                : Map.<String, Object>of("origin", originKey))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new String[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)
                })
        .list();
  }

  /**
   * How far a registered location has got: entities read from its sources (at any depth), those of
   * them in the catalog (stitched), those whose last processing reported problems, and whether any
   * of them is still due, leased or waiting to be stitched.
   */
  public LocationProgress progress(String originKey, Instant now) {
    long[] counts =
        jdbc.sql(
                "SELECT COUNT(*), COUNT(f.entity_ref), COUNT(s.errors_json)"
                    + " FROM catalog_refresh_state s"
                    + " LEFT JOIN catalog_final_entity f ON f.entity_ref = s.entity_ref"
                    + " WHERE s.origin_key = ?")
            .param(originKey)
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .single();
    boolean processing =
        jdbc.sql(
                    "SELECT COUNT(*) FROM catalog_refresh_state s"
                        + " JOIN catalog_refresh_queue q ON q.entity_ref = s.entity_ref"
                        + " WHERE s.origin_key = ? AND (q.next_update_at <= ?"
                        + " OR q.lease_owner IS NOT NULL OR q.stitch_requested = TRUE)")
                .params(originKey, Rows.ts(now))
                .query(Long.class)
                .single()
            > 0;
    return new LocationProgress(counts[0], counts[1], counts[2], processing);
  }

  /** Number of entities whose last processing reported problems. */
  public long errorCount() {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_state WHERE errors_json IS NOT NULL")
        .query(Long.class)
        .single();
  }

  /**
   * The owner and content hash of an existing row.
   *
   * @param locationKey the location that owns it
   * @param unprocessedHash hash of its emitted form
   */
  public record Existing(String locationKey, String unprocessedHash) {
    /** Whether the given emission is owned by the same location. */
    public boolean sameOwner(String otherLocationKey) {
      return Objects.equals(locationKey, otherLocationKey);
    }
  }
}
