package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.DeliveryFacts;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Reads what a report over a window needs into {@link DeliveryFacts}: narrow columns of primitives
 * (epoch microseconds, lead seconds) through covering indexes, streamed without an object per row.
 */
final class WindowReads {

  private static final int FETCH = 5_000;

  private final JdbcTemplate pool;
  private final boolean postgres;

  WindowReads(JdbcTemplate jdbc, boolean postgres) {
    this.pool = jdbc;
    this.postgres = postgres;
  }

  /** The facts of some services (null: all) over [from, to) in epoch microseconds. */
  DeliveryFacts read(Set<String> services, long from, long to) {
    return pool.execute(
        (ConnectionCallback<DeliveryFacts>)
            con -> {
              // All reads on one connection: H2 streams their rows (lazy execution) instead of
              // first copying results over its memory limit to a temporary file.
              JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(con, true));
              if (postgres) {
                return read(one, services, from, to);
              }
              one.execute("SET LAZY_QUERY_EXECUTION TRUE");
              try {
                return read(one, services, from, to);
              } finally {
                one.execute("SET LAZY_QUERY_EXECUTION FALSE");
              }
            });
  }

  private static DeliveryFacts read(JdbcTemplate jdbc, Set<String> services, long from, long to) {
    DeliveryFacts facts = new DeliveryFacts();
    if (services != null && services.isEmpty()) {
      return facts;
    }
    boolean[] named = {false};
    RowCallbackHandler incident =
        rs -> {
          long resolved = rs.getLong(3);
          boolean unresolved = rs.wasNull();
          String cause = rs.getString(4);
          named[0] |= cause != null;
          facts.incident(
              rs.getString(1), rs.getLong(2), unresolved ? DeliveryFacts.NONE : resolved, cause);
        };
    // Incidents opened in the window, and those opened before it naming a window deployment
    // (which then finished after they opened: see IncidentCauses).
    query(
        jdbc,
        "SELECT service, opened_us, resolved_us, caused_by_deployment FROM delivery_incidents"
            + " WHERE opened_us >= ? AND opened_us < ?"
            + in("service", services),
        incident,
        args(services, from, to));
    query(
        jdbc,
        "SELECT service, opened_us, resolved_us, caused_by_deployment FROM delivery_incidents"
            + " WHERE cause_finished_us >= ? AND cause_finished_us < ? AND opened_us < ?"
            + in("service", services),
        incident,
        args(services, from, to, from));
    // Named deployments outside the window only settle which deployment an incident is
    // attributed to. No ORDER BY: the calculator orders each service's deployments itself.
    if (named[0]) {
      query(
          jdbc,
          "SELECT id, service, finished_us FROM delivery_deployments WHERE counts = TRUE"
              + " AND (finished_us < ? OR finished_us >= ?) AND id IN (SELECT"
              + " caused_by_deployment FROM delivery_incidents WHERE opened_us >= ?"
              + " AND opened_us < ? AND caused_by_deployment IS NOT NULL"
              + in("service", services)
              + ")",
          deployment(facts),
          args(services, from, to, from, to));
    }
    query(
        jdbc,
        "SELECT id, service, finished_us FROM delivery_deployments WHERE counts = TRUE"
            + " AND finished_us >= ? AND finished_us < ?"
            + in("service", services),
        deployment(facts),
        args(services, from, to));
    query(
        jdbc,
        "SELECT deployed_us, lead_s FROM delivery_shipped"
            + " WHERE deployed_us >= ? AND deployed_us < ? AND lead_s > 0"
            + in("service", services),
        rs -> facts.leadTime(rs.getLong(1), rs.getLong(2)),
        args(services, from, to));
    return facts;
  }

  private static RowCallbackHandler deployment(DeliveryFacts facts) {
    return rs -> facts.deployment(rs.getString(1), rs.getString(2), rs.getLong(3));
  }

  private static void query(
      JdbcTemplate jdbc, String sql, RowCallbackHandler handler, Object[] args) {
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql);
          // Streams in chunks on PostgreSQL (inside a transaction) instead of buffering all.
          ps.setFetchSize(FETCH);
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps;
        },
        handler);
  }

  private static String in(String column, Set<String> values) {
    return values == null
        ? ""
        : " AND " + column + " IN (" + "?, ".repeat(values.size() - 1) + "?)";
  }

  private static Object[] args(Set<String> services, Object... first) {
    List<Object> all = new ArrayList<>(List.of(first));
    if (services != null) {
      all.addAll(services);
    }
    return all.toArray();
  }
}
