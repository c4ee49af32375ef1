package dev.tarmac.catalog.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The processing state of every entity: leases, emitted children and stitch requests. */
@Repository
public class RefreshStates {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  /** Creates the repository. */
  public RefreshStates(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Claims up to {@code limit} rows that are due, by moving their next update to the lease end.
   * Compare-and-set on {@code next_update_at} makes the claim safe across replicas.
   */
  public List<RefreshRow> claim(String owner, int limit, Instant now, Instant leaseUntil) {
    List<Object[]> due =
        jdbc.sql(
                "SELECT entity_ref, next_update_at FROM catalog_refresh_state"
                    + " WHERE next_update_at <= ? ORDER BY next_update_at LIMIT ?")
            .params(Rows.ts(now), limit)
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2)})
            .list();
    if (due.isEmpty()) {
      return List.of();
    }
    List<Object[]> args = new ArrayList<>(due.size());
    for (Object[] row : due) {
      args.add(new Object[] {Rows.ts(leaseUntil), owner, row[0], row[1]});
    }
    int[] counts =
        template.batchUpdate(
            "UPDATE catalog_refresh_state SET next_update_at = ?, lease_owner = ?"
                + " WHERE entity_ref = ? AND next_update_at = ?",
            args);
    List<String> claimed = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
        claimed.add((String) due.get(i)[0]);
      }
    }
    List<RefreshRow> rows = new ArrayList<>(claimed.size());
    for (List<String> chunk : Rows.chunks(claimed)) {
      rows.addAll(
          jdbc.sql(
                  "SELECT entity_ref, entity_id, unprocessed_json, processed_json, result_hash,"
                      + " errors_json, location_key, source_etag FROM catalog_refresh_state"
                      + " WHERE entity_ref IN (:refs) AND lease_owner = :owner")
              .param("refs", chunk)
              .param("owner", owner)
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
   * Writes processing results of rows this replica still holds; returns the refs whose lease was
   * lost (another replica took them over) and were therefore not written.
   */
  public Set<String> writeResults(String owner, List<ProcessedResult> results, Instant now) {
    List<Object[]> args = new ArrayList<>(results.size());
    for (ProcessedResult r : results) {
      args.add(
          new Object[] {
            r.processedJson(),
            r.resultHash(),
            r.errorsJson(),
            r.sourceEtag(),
            Rows.ts(r.nextUpdateAt()),
            Rows.ts(now),
            r.entityRef(),
            owner
          });
    }
    int[] counts =
        template.batchUpdate(
            "UPDATE catalog_refresh_state SET processed_json = COALESCE(?, processed_json),"
                + " result_hash = COALESCE(?, result_hash), errors_json = ?, source_etag = ?,"
                + " next_update_at = ?, lease_owner = NULL, updated_at = ?"
                + " WHERE entity_ref = ? AND lease_owner = ?",
            args);
    Set<String> lost = new HashSet<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        lost.add(results.get(i).entityRef());
      }
    }
    return lost;
  }

  /** Only bumps the next update of rows whose processing found nothing new. */
  public void reschedule(String owner, Map<String, Instant> nextUpdates, Instant now) {
    List<Object[]> args = new ArrayList<>(nextUpdates.size());
    nextUpdates.forEach((ref, next) -> args.add(new Object[] {Rows.ts(next), ref, owner}));
    template.batchUpdate(
        "UPDATE catalog_refresh_state SET next_update_at = ?, lease_owner = NULL"
            + " WHERE entity_ref = ? AND lease_owner = ?",
        args);
  }

  /** Adds an error message to a row's stored errors (a conflict found while writing children). */
  public void setErrors(String entityRef, String errorsJson) {
    jdbc.sql("UPDATE catalog_refresh_state SET errors_json = ? WHERE entity_ref = ?")
        .params(errorsJson, entityRef)
        .update();
  }

  /** Current owner and content hash of the given refs. */
  public Map<String, Existing> existing(Collection<String> refs) {
    Map<String, Existing> out = new HashMap<>();
    for (List<String> chunk : Rows.chunks(refs)) {
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

  /** Inserts new entities to be processed as soon as possible. */
  public void insert(List<EmittedEntity> entities, Instant now) {
    List<Object[]> args = new ArrayList<>(entities.size());
    for (EmittedEntity e : entities) {
      args.add(
          new Object[] {
            e.entityRef(),
            UUID.randomUUID().toString(),
            e.unprocessedJson(),
            e.unprocessedHash(),
            e.locationKey(),
            e.originKey(),
            Rows.ts(now),
            Rows.ts(now),
            Rows.ts(now)
          });
    }
    template.batchUpdate(
        "INSERT INTO catalog_refresh_state (entity_ref, entity_id, unprocessed_json,"
            + " unprocessed_hash, location_key, origin_key, next_update_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        args);
  }

  /** Replaces the unprocessed form (and owner) of existing entities and makes them due now. */
  public void replaceUnprocessed(List<EmittedEntity> entities, Instant now) {
    List<Object[]> args = new ArrayList<>(entities.size());
    for (EmittedEntity e : entities) {
      args.add(
          new Object[] {
            e.unprocessedJson(),
            e.unprocessedHash(),
            e.locationKey(),
            e.originKey(),
            Rows.ts(now),
            Rows.ts(now),
            e.entityRef()
          });
    }
    template.batchUpdate(
        "UPDATE catalog_refresh_state SET unprocessed_json = ?, unprocessed_hash = ?,"
            + " location_key = ?, origin_key = ?, next_update_at = ?, updated_at = ?, lease_owner = NULL"
            + " WHERE entity_ref = ?",
        args);
  }

  /** Marks entities for (re-)stitching; a new ticket makes any stitch in flight repeat. */
  public void requestStitch(Collection<String> refs) {
    if (refs.isEmpty()) {
      return;
    }
    String ticket = UUID.randomUUID().toString();
    for (List<String> chunk : Rows.chunks(new LinkedHashSet<>(refs))) {
      jdbc.sql(
              "UPDATE catalog_refresh_state SET stitch_requested = TRUE, stitch_ticket = :t"
                  + " WHERE entity_ref IN (:refs)")
          .param("t", ticket)
          .param("refs", chunk)
          .update();
    }
  }

  /** Claims up to {@code limit} stitch requests; returns ref to claim ticket. */
  public Map<String, String> claimStitch(String owner, int limit, Instant now, Instant leaseUntil) {
    List<String[]> due =
        jdbc.sql(
                "SELECT entity_ref, stitch_ticket FROM catalog_refresh_state"
                    + " WHERE stitch_requested = TRUE"
                    + " AND (stitch_claim_until IS NULL OR stitch_claim_until < ?) LIMIT ?")
            .params(Rows.ts(now), limit)
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    if (due.isEmpty()) {
      return Map.of();
    }
    List<Object[]> args = new ArrayList<>(due.size());
    List<String> tickets = new ArrayList<>(due.size());
    for (String[] row : due) {
      String claimTicket = owner + ":" + UUID.randomUUID();
      tickets.add(claimTicket);
      args.add(new Object[] {claimTicket, Rows.ts(leaseUntil), row[0], row[1]});
    }
    int[] counts =
        template.batchUpdate(
            "UPDATE catalog_refresh_state SET stitch_ticket = ?, stitch_claim_until = ?"
                + " WHERE entity_ref = ? AND stitch_ticket = ? AND stitch_requested = TRUE",
            args);
    Map<String, String> claimed = new HashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
        claimed.put(due.get(i)[0], tickets.get(i));
      }
    }
    return claimed;
  }

  /** Clears stitch requests whose ticket is still the claimed one. */
  public void completeStitch(Map<String, String> tickets) {
    List<Object[]> args = new ArrayList<>(tickets.size());
    tickets.forEach((ref, ticket) -> args.add(new Object[] {ref, ticket}));
    template.batchUpdate(
        "UPDATE catalog_refresh_state SET stitch_requested = FALSE, stitch_claim_until = NULL"
            + " WHERE entity_ref = ? AND stitch_ticket = ?",
        args);
  }

  /** Makes the given entities due for processing now (refresh). */
  public int refreshNow(Collection<String> refs, Instant now) {
    int n = 0;
    for (List<String> chunk : Rows.chunks(refs)) {
      n +=
          jdbc.sql(
                  "UPDATE catalog_refresh_state SET next_update_at = :now"
                      + " WHERE entity_ref IN (:refs) AND lease_owner IS NULL")
              .param("now", Rows.ts(now))
              .param("refs", chunk)
              .update();
    }
    return n;
  }

  /** The unprocessed entity of a ref, if it is known. */
  public String unprocessed(String entityRef) {
    return jdbc.sql("SELECT unprocessed_json FROM catalog_refresh_state WHERE entity_ref = ?")
        .param(entityRef)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Deletes entities' processing state. */
  public void delete(Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs)) {
      jdbc.sql("DELETE FROM catalog_refresh_state WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
  }

  /** Inserts or replaces a root entity (a registered location's generated Location). */
  public void upsertRoot(EmittedEntity root, Instant now) {
    if (existing(List.of(root.entityRef())).isEmpty()) {
      insert(List.of(root), now);
    } else {
      replaceUnprocessed(List.of(root), now);
    }
  }

  /** Forgets the last result of the given entities so their next processing rewrites it all. */
  public void forgetResults(Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs)) {
      jdbc.sql("UPDATE catalog_refresh_state SET result_hash = NULL WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
  }

  /** Entities whose last processing failed or warned: ref, location key and errors JSON. */
  public List<String[]> withErrors(String originKey, int limit) {
    return jdbc.sql(
            "SELECT entity_ref, location_key, errors_json, entity_id,"
                + " CASE WHEN processed_json IS NULL THEN 'failed' ELSE 'stale' END"
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

  /** Number of rows due for processing at {@code now}. */
  public long dueCount(Instant now) {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_state WHERE next_update_at <= ?")
        .param(Rows.ts(now))
        .query(Long.class)
        .single();
  }

  /** Number of rows waiting to be stitched. */
  public long stitchBacklog() {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_state WHERE stitch_requested = TRUE")
        .query(Long.class)
        .single();
  }

  /** Number of entities whose last processing ended with errors. */
  public long errorCount() {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_state WHERE errors_json IS NOT NULL")
        .query(Long.class)
        .single();
  }

  /** The owner and content hash of an existing row. */
  public record Existing(String locationKey, String unprocessedHash) {
    /** Whether the given emission is owned by the same location. */
    public boolean sameOwner(String otherLocationKey) {
      return Objects.equals(locationKey, otherLocationKey);
    }
  }
}
