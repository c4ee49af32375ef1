package dev.tarmac.metrics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL intake in one statement per batch: the rows travel as one array per column, and
 * data-modifying {@code WITH} clauses store the events and keep {@code delivery_shipped} and {@code
 * delivery_incidents.cause_finished_us} in the same round trip. Intake mostly posts a few events at
 * a time, so round trips, not rows, are what it pays for. Every statement locks the shipped rows it
 * changes in (service, sha) order, so concurrent intakes wait for each other instead of
 * deadlocking.
 */
final class PostgresIntake {

  /** The types of a commit row: deployment id, service, sha, finish. */
  private static final String[] SHIP_TYPES = {"varchar", "varchar", "varchar", "timestamptz"};

  private final JdbcTemplate jdbc;

  PostgresIntake(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What a deployment batch stored: new deployment ids and commits shipped without a start. */
  record Deployed(Set<String> ids, List<Object[]> unstarted) {}

  /**
   * Inserts deployments (ids unique within the call) and, for those that were new and count, their
   * commits ({id, service, sha, finished} in batch order) into delivery_shipped, with lead times
   * from the changes already stored, and their finish into incidents naming them.
   */
  Deployed deployments(
      List<IdempotentInsert.Column> columns, List<Object[]> rows, List<Object[]> commits) {
    String sql =
        "WITH d AS ("
            + insert("delivery_deployments", columns)
            + " RETURNING id, counts, finished_us),"
            // Per commit, the earliest of the batch's new counting deployments (first of equals).
            + " c AS (SELECT DISTINCT ON (u.service, u.sha) u.service, u.sha, u.id, u.finished_at,"
            + " d.finished_us FROM unnest(?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::timestamptz[]) WITH ORDINALITY AS u(id, service, sha, finished_at, n)"
            + " JOIN d ON d.id = u.id AND d.counts ORDER BY u.service, u.sha, d.finished_us, u.n),"
            // Insert, or move to an earlier deployment (events may arrive out of order).
            + " s AS (INSERT INTO delivery_shipped (service, sha, deployment_id, deployed_at,"
            + " deployed_us, started_at, lead_s) SELECT c.service, c.sha, c.id, c.finished_at,"
            + " c.finished_us, COALESCE(x.authored_at, x.committed_at), (c.finished_us -"
            + " x.start_us) / 1000000 FROM c LEFT JOIN delivery_changes x ON x.service = c.service"
            + " AND x.sha = c.sha AND x.start_us IS NOT NULL ON CONFLICT (service, sha) DO UPDATE"
            + " SET deployment_id = EXCLUDED.deployment_id, deployed_at = EXCLUDED.deployed_at,"
            + " deployed_us = EXCLUDED.deployed_us, started_at = EXCLUDED.started_at,"
            + " lead_s = EXCLUDED.lead_s WHERE delivery_shipped.deployed_us > EXCLUDED.deployed_us"
            + " RETURNING service, sha, lead_s),"
            + " i AS (UPDATE delivery_incidents i SET cause_finished_us = d.finished_us"
            + " FROM (SELECT * FROM d ORDER BY id) d"
            + " WHERE d.counts AND i.caused_by_deployment = d.id AND i.opened_us < d.finished_us"
            + " AND i.cause_finished_us IS NULL)"
            + " SELECT 'd', id, NULL FROM d UNION ALL"
            + " SELECT 's', service, sha FROM s WHERE lead_s IS NULL";
    Set<String> ids = new HashSet<>();
    List<Object[]> unstarted = new ArrayList<>();
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql);
          int p = bind(con, ps, 1, columns, rows);
          for (int c = 0; c < SHIP_TYPES.length; c++) {
            ps.setArray(p + c, IdempotentInsert.array(con, SHIP_TYPES[c], commits, c));
          }
          return ps;
        },
        rs -> {
          if (rs.getString(1).equals("d")) {
            ids.add(rs.getString(2));
          } else {
            unstarted.add(new Object[] {rs.getString(2), rs.getString(3)});
          }
        });
    return new Deployed(ids, unstarted);
  }

  /**
   * Inserts changes and gives commits already shipped their start and lead time; returns the new
   * keys as "service NUL sha".
   */
  Set<String> changes(List<IdempotentInsert.Column> columns, List<Object[]> rows) {
    String sql =
        "WITH n AS ("
            + insert("delivery_changes", columns)
            + " RETURNING service, sha, start_us, COALESCE(authored_at, committed_at) AS started),"
            + " s AS (UPDATE delivery_shipped s SET started_at = n.started,"
            + " lead_s = (s.deployed_us - n.start_us) / 1000000"
            + " FROM (SELECT * FROM n ORDER BY service, sha) n WHERE s.service = n.service"
            + " AND s.sha = n.sha AND s.lead_s IS NULL AND n.start_us IS NOT NULL)"
            + " SELECT service, sha FROM n";
    Set<String> keys = new HashSet<>();
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql);
          bind(con, ps, 1, columns, rows);
          return ps;
        },
        rs -> {
          keys.add(rs.getString(1) + '\u0000' + rs.getString(2));
        });
    return keys;
  }

  /**
   * The checks after commit ({@link AfterCommit}) as one statement: atomic by itself, so it needs
   * no transaction of its own. Does nothing when there is nothing to check.
   */
  void settle(AfterCommit after) {
    List<String> parts = new ArrayList<>();
    List<Binder> binders = new ArrayList<>();
    if (!after.unstarted.isEmpty()) {
      parts.add(
          "UPDATE delivery_shipped s SET started_at = COALESCE(c.authored_at, c.committed_at),"
              + " lead_s = (s.deployed_us - c.start_us) / 1000000 FROM delivery_changes c,"
              + " (SELECT * FROM unnest(?::varchar[], ?::varchar[]) AS u(service, sha)"
              + " ORDER BY service, sha) u WHERE s.service = u.service"
              + " AND s.sha = u.sha AND s.lead_s IS NULL AND c.service = s.service"
              + " AND c.sha = s.sha AND c.start_us IS NOT NULL");
      binders.add((con, ps, p) -> bind(con, ps, p, after.unstarted, "varchar", "varchar"));
    }
    if (!after.started.isEmpty()) {
      parts.add(
          "UPDATE delivery_shipped s SET started_at = u.started, lead_s = (s.deployed_us"
              + " - u.start_us) / 1000000 FROM (SELECT * FROM unnest(?::varchar[], ?::varchar[],"
              + " ?::timestamptz[], ?::bigint[]) AS u(service, sha, started, start_us)"
              + " ORDER BY service, sha) u WHERE s.service = u.service AND s.sha = u.sha AND s.lead_s IS NULL");
      binders.add(
          (con, ps, p) ->
              bind(con, ps, p, after.started, "varchar", "varchar", "timestamptz", "bigint"));
    }
    if (!after.causesToFind.isEmpty()) {
      parts.add(
          "UPDATE delivery_incidents i SET cause_finished_us = d.finished_us FROM"
              + " delivery_deployments d WHERE i.id = ANY (?::varchar[]) AND"
              + " d.id = i.caused_by_deployment AND d.counts = TRUE"
              + " AND d.finished_us > i.opened_us AND i.cause_finished_us IS NULL");
      binders.add((con, ps, p) -> bind(con, ps, p, after.causesToFind, "varchar"));
    }
    if (!after.deployed.isEmpty()) {
      parts.add(
          "UPDATE delivery_incidents i SET cause_finished_us = u.finished FROM"
              + " (SELECT * FROM unnest(?::bigint[], ?::varchar[]) AS u(finished, id)"
              + " ORDER BY id) u WHERE i.caused_by_deployment = u.id AND i.opened_us < u.finished"
              + " AND i.cause_finished_us IS NULL");
      binders.add((con, ps, p) -> bind(con, ps, p, after.deployed, "bigint", "varchar"));
    }
    if (parts.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("WITH ");
    for (int k = 0; k < parts.size(); k++) {
      sql.append(k == 0 ? "" : ", ").append("u").append(k).append(" AS (").append(parts.get(k));
      sql.append(')');
    }
    sql.append(" SELECT 1");
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql.toString());
          int p = 1;
          for (Binder b : binders) {
            p = b.bind(con, ps, p);
          }
          return ps;
        },
        rs -> {});
  }

  /** Binds some parameters from index p on; returns the next index. */
  private interface Binder {
    int bind(Connection con, PreparedStatement ps, int p) throws SQLException;
  }

  private static String insert(String table, List<IdempotentInsert.Column> columns) {
    return "INSERT INTO "
        + table
        + " ("
        + columns.stream().map(IdempotentInsert.Column::name).collect(Collectors.joining(", "))
        + ") SELECT * FROM unnest("
        + columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "))
        + ") ON CONFLICT DO NOTHING";
  }

  private static int bind(
      Connection con,
      PreparedStatement ps,
      int p,
      List<IdempotentInsert.Column> columns,
      List<Object[]> rows)
      throws SQLException {
    for (int c = 0; c < columns.size(); c++) {
      ps.setArray(p + c, IdempotentInsert.array(con, columns.get(c).type(), rows, c));
    }
    return p + columns.size();
  }

  private static int bind(
      Connection con, PreparedStatement ps, int p, List<Object[]> rows, String... types)
      throws SQLException {
    for (int c = 0; c < types.length; c++) {
      ps.setArray(p + c, IdempotentInsert.array(con, types[c], rows, c));
    }
    return p + types.length;
  }
}
