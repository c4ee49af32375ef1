package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.DeliveryFacts;
import dev.tarmac.sdk.delivery.Deployment;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code delivery_shipped}: each commit's first successful production deployment and its lead
 * time in seconds (null until the change is known). A change and the deployment shipping it stored
 * by concurrent transactions may each miss the other's row; both sides therefore check their rows
 * again once committed ({@link AfterCommit}), and whichever commits last fills it in. This is H2's
 * path; PostgreSQL does the same in its intake statements ({@link PostgresIntake}).
 */
final class ShippedCommits {

  private static final int CHUNK = 10_000;
  private static final String LEAD_FROM_CHANGE =
      "UPDATE delivery_shipped s SET started_at = (SELECT COALESCE(c.authored_at, c.committed_at)"
          + " FROM delivery_changes c WHERE c.service = s.service AND c.sha = s.sha),"
          + " lead_s = (s.deployed_us - (SELECT c.start_us FROM delivery_changes c"
          + " WHERE c.service = s.service AND c.sha = s.sha)) / 1000000"
          + " WHERE s.service = ? AND s.sha = ? AND s.lead_s IS NULL AND EXISTS (SELECT 1 FROM"
          + " delivery_changes c WHERE c.service = s.service AND c.sha = s.sha"
          + " AND c.start_us IS NOT NULL)";

  private final JdbcTemplate jdbc;

  ShippedCommits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the commits of newly stored successful production deployments. */
  void shipped(List<Deployment> deployments, AfterCommit after) {
    // Per commit, the earliest of this batch's deployments (the first of equals).
    Map<String, Object[]> first = new LinkedHashMap<>();
    for (Deployment d : deployments) {
      long finished = DeliveryFacts.micros(d.finishedAt());
      for (String sha : d.commitShas()) {
        first.merge(
            d.service() + '\u0000' + sha,
            new Object[] {d.service(), sha, d.id(), d.finishedAt(), finished, null, null},
            (a, b) -> (long) b[4] < (long) a[4] ? b : a);
      }
    }
    if (first.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(first.values());
    Map<String, Long> starts = starts(rows);
    for (Object[] r : rows) {
      Long start = starts.get(r[0] + "\u0000" + r[1]);
      if (start == null) {
        after.unstarted.add(new Object[] {r[0], r[1]});
      } else {
        r[5] = instant(start);
        r[6] = ((long) r[4] - start) / 1_000_000;
      }
    }
    List<Object[]> values =
        rows.stream()
            .map(r -> java.util.Arrays.stream(r).map(IdempotentInsert::h2).toArray())
            .toList();
    int[] counts =
        jdbc.batchUpdate(
            "INSERT INTO delivery_shipped (service, sha, deployment_id, deployed_at, deployed_us,"
                + " started_at, lead_s) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            values);
    List<Object[]> earlier = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        Object[] v = values.get(i);
        earlier.add(new Object[] {v[2], v[3], v[4], v[5], v[6], v[0], v[1], v[4]});
      }
    }
    if (!earlier.isEmpty()) {
      jdbc.batchUpdate(
          "UPDATE delivery_shipped SET deployment_id = ?, deployed_at = ?, deployed_us = ?,"
              + " started_at = ?, lead_s = ? WHERE service = ? AND sha = ? AND deployed_us > ?",
          earlier);
    }
  }

  /** Gives shipped commits of newly stored changes their start and lead time. */
  void started(List<Change> changes, AfterCommit after) {
    List<Object[]> rows = new ArrayList<>();
    for (Change c : changes) {
      if (c.start() != null) {
        rows.add(new Object[] {c.service(), c.sha(), c.start(), DeliveryFacts.micros(c.start())});
      }
    }
    if (!rows.isEmpty()) {
      start(rows);
      after.started.addAll(rows);
    }
  }

  /** The checks to run once the transaction that stored the events has committed. */
  void settle(AfterCommit after) {
    if (!after.unstarted.isEmpty()) {
      jdbc.batchUpdate(LEAD_FROM_CHANGE, after.unstarted);
    }
    if (!after.started.isEmpty()) {
      start(after.started);
    }
  }

  private void start(List<Object[]> rows) {
    // Usually a change comes before its deployment: look first, update only rows waiting.
    Map<String, Long> waiting = lookup("deployed_us", "delivery_shipped", "x.lead_s IS NULL", rows);
    List<Object[]> values = new ArrayList<>();
    for (Object[] r : rows) {
      if (waiting.containsKey(r[0] + "\u0000" + r[1])) {
        values.add(new Object[] {IdempotentInsert.h2(r[2]), r[3], r[0], r[1]});
      }
    }
    if (values.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "UPDATE delivery_shipped SET started_at = ?, lead_s = (deployed_us - ?) / 1000000"
            + " WHERE service = ? AND sha = ? AND lead_s IS NULL",
        values);
  }

  /** The start (epoch microseconds) of each stored change among these shipped rows. */
  private Map<String, Long> starts(Collection<Object[]> rows) {
    return lookup("start_us", "delivery_changes", "x.start_us IS NOT NULL", rows);
  }

  /**
   * Looks up rows keyed {service, sha} (the first two values of each given row), one statement per
   * service joining an array of the shas (H2 would scan all of a service's rows for an IN list on
   * the key's second column): "service NUL sha" to the column's value.
   */
  private Map<String, Long> lookup(
      String column, String table, String condition, Collection<Object[]> rows) {
    Map<String, List<String>> byService = new HashMap<>();
    for (Object[] r : rows) {
      byService.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
    }
    String shas = "UNNEST(CAST(? AS VARCHAR(100) ARRAY))";
    String sql =
        "SELECT t.sha, x."
            + column
            + " FROM "
            + shas
            + " AS t(sha) JOIN "
            + table
            + " x ON x.service = ? AND x.sha = t.sha WHERE "
            + condition;
    Map<String, Long> out = new HashMap<>();
    byService.forEach(
        (service, all) -> {
          // H2 arrays hold at most 65,536 elements.
          for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> list = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.query(
                con -> {
                  PreparedStatement ps = con.prepareStatement(sql);
                  ps.setObject(1, list.toArray(String[]::new));
                  ps.setString(2, service);
                  return ps;
                },
                rs -> {
                  out.put(service + '\u0000' + rs.getString(1), rs.getLong(2));
                });
          }
        });
    return out;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
