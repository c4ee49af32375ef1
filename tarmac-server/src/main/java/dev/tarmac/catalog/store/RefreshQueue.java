package dev.tarmac.catalog.store;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The narrow, hot half of each entity's processing state: when it is next due, which replica holds
 * its lease, and whether it waits to be stitched. Claims are compare-and-set updates, so any number
 * of replicas share the work.
 */
@Repository
public class RefreshQueue {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  private final BulkInsert bulk;
  private final Dialect dialect;

  /** Creates the repository. */
  public RefreshQueue(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.template = template;
    this.bulk = bulk;
    this.dialect = bulk.dialect();
  }

  /**
   * Adds entities: those with a result in {@code processed} due again at its time and waiting to be
   * stitched, the others due at {@code now}.
   */
  public void insert(Collection<String> refs, Map<String, ProcessedResult> processed, Instant now) {
    List<Object[]> args = new ArrayList<>(refs.size());
    String ticket = UUID.randomUUID().toString();
    for (String ref : refs) {
      ProcessedResult r = processed.get(ref);
      args.add(
          r == null
              ? new Object[] {ref, Rows.ts(now), false, null}
              : new Object[] {ref, Rows.ts(r.nextUpdateAt()), true, ticket});
    }
    bulk.insert(
        "catalog_refresh_queue",
        List.of("entity_ref", "next_update_at", "stitch_requested", "stitch_ticket"),
        args);
  }

  /**
   * Gives entities processed on their parent's lease their next due time, voids any lease another
   * replica holds on them and requests their stitch.
   */
  public void schedule(List<ProcessedResult> results) {
    if (results.isEmpty()) {
      return;
    }
    String ticket = UUID.randomUUID().toString();
    List<Object[]> args = new ArrayList<>(results.size());
    results.forEach(r -> args.add(new Object[] {Rows.ts(r.nextUpdateAt()), ticket, r.entityRef()}));
    template.batchUpdate(
        "UPDATE catalog_refresh_queue SET next_update_at = ?, lease_owner = NULL,"
            + " stitch_requested = TRUE, stitch_ticket = ?, stitch_claim_until = NULL"
            + " WHERE entity_ref = ?",
        args);
  }

  /** Extends a lease this replica holds; false when another replica has taken it. */
  public boolean extendLease(String ref, String owner, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE catalog_refresh_queue SET next_update_at = ?"
                    + " WHERE entity_ref = ? AND lease_owner = ?")
            .params(Rows.ts(leaseUntil), ref, owner)
            .update()
        == 1;
  }

  /** Removes entities. */
  public void delete(Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs, dialect)) {
      jdbc.sql("DELETE FROM catalog_refresh_queue WHERE entity_ref IN (:refs)")
          .param("refs", chunk)
          .update();
    }
  }

  /**
   * Claims up to {@code limit} due entities by moving their next update to the lease end;
   * compare-and-set on {@code next_update_at} lets exactly one replica win each row.
   */
  public List<String> claim(String owner, int limit, Instant now, Instant leaseUntil) {
    List<Object[]> due =
        jdbc.sql(
                "SELECT entity_ref, next_update_at FROM catalog_refresh_queue"
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
            "UPDATE catalog_refresh_queue SET next_update_at = ?, lease_owner = ?"
                + " WHERE entity_ref = ? AND next_update_at = ?",
            args);
    List<String> claimed = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
        claimed.add((String) due.get(i)[0]);
      }
    }
    return claimed;
  }

  /** Releases leases with new due times; returns the refs whose lease another replica took. */
  public List<String> release(String owner, Map<String, Instant> nextUpdates) {
    return release(owner, nextUpdates, false);
  }

  /**
   * Releases leases with new due times, also requesting a stitch when asked (one update per row
   * instead of two); returns the refs whose lease another replica took.
   */
  public List<String> release(String owner, Map<String, Instant> nextUpdates, boolean stitch) {
    List<String> refs = new ArrayList<>(nextUpdates.keySet());
    List<Object[]> args = new ArrayList<>(refs.size());
    String ticket = UUID.randomUUID().toString();
    refs.forEach(
        ref ->
            args.add(
                stitch
                    ? new Object[] {Rows.ts(nextUpdates.get(ref)), ticket, ref, owner}
                    : new Object[] {Rows.ts(nextUpdates.get(ref)), ref, owner}));
    int[] counts =
        template.batchUpdate(
            "UPDATE catalog_refresh_queue SET next_update_at = ?, lease_owner = NULL"
                + (stitch
                    ? ", stitch_requested = TRUE, stitch_ticket = ?, stitch_claim_until = NULL"
                    : "")
                + " WHERE entity_ref = ? AND lease_owner = ?",
            args);
    List<String> lost = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        lost.add(refs.get(i));
      }
    }
    return lost;
  }

  /**
   * Gives up every lease and stitch claim {@code owner} holds, making that work due at {@code now}:
   * a replica that stops cleanly hands its work over at once instead of when its leases run out.
   * Returns how many entities it held.
   */
  public int releaseAll(String owner, Instant now) {
    int leased =
        jdbc.sql(
                "UPDATE catalog_refresh_queue SET next_update_at = ?, lease_owner = NULL"
                    + " WHERE lease_owner = ?")
            .params(Rows.ts(now), owner)
            .update();
    // Claims carry tickets "owner:uuid" (see claimStitch); the request itself stays.
    String prefix = owner + ":";
    int claimed =
        jdbc.sql(
                "UPDATE catalog_refresh_queue SET stitch_claim_until = NULL"
                    + " WHERE stitch_requested = TRUE AND stitch_claim_until IS NOT NULL"
                    + " AND SUBSTRING(stitch_ticket, 1, ?) = ?")
            .params(prefix.length(), prefix)
            .update();
    return leased + claimed;
  }

  /** Makes entities due now (refresh, or new content from their parent). */
  public int dueNow(Collection<String> refs, Instant now) {
    int n = 0;
    for (List<String> chunk : Rows.chunks(refs, dialect)) {
      n +=
          jdbc.sql(
                  "UPDATE catalog_refresh_queue SET next_update_at = :now, lease_owner = NULL"
                      + " WHERE entity_ref IN (:refs)")
              .param("now", Rows.ts(now))
              .param("refs", chunk)
              .update();
    }
    return n;
  }

  /**
   * Marks entities for (re-)stitching. The new ticket makes a stitch in flight elsewhere fail its
   * conditional write, and clearing the claim lets any replica take the new request at once. A row
   * whose request still waits unclaimed keeps it and is only locked until the transaction ends, so
   * that no stitcher takes it before the changes that asked for the stitch are committed: during a
   * bulk registration most requests name such rows (relation targets asked for by every chunk), and
   * an update is a statement of its own writing a new version of each row, where the lock rides on
   * the one read the chunk needs anyway.
   */
  public void requestStitch(Collection<String> refs) {
    if (refs.isEmpty()) {
      return;
    }
    String ticket = UUID.randomUUID().toString();
    for (List<String> chunk : Rows.chunks(new TreeSet<>(refs), dialect)) {
      List<String> renew = new ArrayList<>();
      jdbc.sql(
              "SELECT entity_ref, stitch_requested AND stitch_claim_until IS NULL"
                  + " FROM catalog_refresh_queue WHERE entity_ref IN (:refs)"
                  + " ORDER BY entity_ref FOR UPDATE")
          .param("refs", chunk)
          .query(
              rs -> {
                if (!rs.getBoolean(2)) {
                  renew.add(rs.getString(1));
                }
              });
      if (renew.isEmpty()) {
        continue;
      }
      jdbc.sql(
              "UPDATE catalog_refresh_queue SET stitch_requested = TRUE, stitch_ticket = :t,"
                  + " stitch_claim_until = NULL WHERE entity_ref IN (:refs)")
          .param("t", ticket)
          .param("refs", Rows.padded(renew, dialect))
          .update();
    }
  }

  /**
   * Claims up to {@code limit} stitch requests under one new ticket, in one statement; on
   * PostgreSQL rows another replica is claiming at that moment are skipped rather than waited for.
   */
  public StitchClaim claimStitch(String owner, int limit, Instant now, Instant leaseUntil) {
    String ticket = owner + ":" + UUID.randomUUID();
    String due =
        "stitch_requested = TRUE AND (stitch_claim_until IS NULL OR stitch_claim_until < :now)";
    String sql =
        dialect == Dialect.POSTGRES
            ? "UPDATE catalog_refresh_queue SET stitch_ticket = :t, stitch_claim_until = :until"
                + " WHERE entity_ref IN (SELECT entity_ref FROM catalog_refresh_queue WHERE "
                + due
                + " LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING entity_ref"
            : "SELECT entity_ref FROM FINAL TABLE (UPDATE catalog_refresh_queue"
                + " SET stitch_ticket = :t, stitch_claim_until = :until WHERE "
                + due
                + " FETCH FIRST :limit ROWS ONLY)";
    List<String> refs =
        jdbc.sql(sql)
            .param("t", ticket)
            .param("until", Rows.ts(leaseUntil))
            .param("now", Rows.ts(now))
            .param("limit", limit)
            .query(String.class)
            .list();
    return new StitchClaim(ticket, new TreeSet<>(refs));
  }

  /**
   * Locks the claimed rows whose ticket is still the claim's (no new request came in) until the
   * transaction ends, so no request can slip in before their stitch is written; returns their refs.
   */
  public Set<String> lockClaimed(StitchClaim claim) {
    Set<String> held = new HashSet<>();
    for (List<String> chunk : Rows.chunks(claim.refs(), dialect)) {
      held.addAll(
          jdbc.sql(
                  "SELECT entity_ref FROM catalog_refresh_queue WHERE entity_ref IN (:refs)"
                      + " AND stitch_ticket = :t FOR UPDATE")
              .param("refs", chunk)
              .param("t", claim.ticket())
              .query(String.class)
              .list());
    }
    return held;
  }

  /** Clears the stitch requests of rows still holding the claim's ticket. */
  public void completeStitch(String ticket, Collection<String> refs) {
    for (List<String> chunk : Rows.chunks(refs, dialect)) {
      jdbc.sql(
              "UPDATE catalog_refresh_queue SET stitch_requested = FALSE, stitch_claim_until = NULL"
                  + " WHERE entity_ref IN (:refs) AND stitch_ticket = :t")
          .param("refs", chunk)
          .param("t", ticket)
          .update();
    }
  }

  /**
   * Stitch requests claimed together.
   *
   * @param ticket the claim's ticket, replaced on a row by any newer request
   * @param refs the claimed entities, sorted
   */
  public record StitchClaim(String ticket, Set<String> refs) {}

  /** Number of entities due for processing at {@code now}. */
  public long dueCount(Instant now) {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_queue WHERE next_update_at <= ?")
        .param(Rows.ts(now))
        .query(Long.class)
        .single();
  }

  /** Number of entities waiting to be stitched. */
  public long stitchBacklog() {
    return jdbc.sql("SELECT COUNT(*) FROM catalog_refresh_queue WHERE stitch_requested = TRUE")
        .query(Long.class)
        .single();
  }
}
