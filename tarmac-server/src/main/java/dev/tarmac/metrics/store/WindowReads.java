package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.DeliveryFacts;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads what a report over a window needs into {@link DeliveryFacts}: narrow columns of primitives
 * (epoch microseconds, lead seconds) through covering indexes. PostgreSQL streams the rows in
 * chunks (inside the caller's transaction). H2 would first copy a result of more rows than its
 * in-memory limit (40,000 per GB of heap) into a temporary file, and its lazy execution can fail
 * under concurrent writes (h2database#4142), so on H2 the big reads come as a few hundred rows of
 * {@code ARRAY_AGG} columns instead.
 */
final class WindowReads {

  private static final int FETCH = 5_000;
  private static final long HOUR = 3_600_000_000L;
  private static final long DAY = 24 * HOUR;

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  WindowReads(JdbcTemplate jdbc, boolean postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  /** The facts of some services (null: all) over [from, to) in epoch microseconds. */
  DeliveryFacts read(Set<String> services, long from, long to) {
    DeliveryFacts facts = new DeliveryFacts();
    if (services != null && services.isEmpty()) {
      return facts;
    }
    boolean[] named = {false};
    Sink incident =
        (service, v) -> {
          String cause = (String) v[2];
          named[0] |= cause != null;
          facts.incident(
              service, (Long) v[0], v[1] == null ? DeliveryFacts.NONE : (Long) v[1], cause);
        };
    RowCallbackHandler incidentRow =
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
    read(
        "opened_us, resolved_us, caused_by_deployment",
        "delivery_incidents WHERE opened_us >= ? AND opened_us < ?",
        true,
        "opened_us / " + DAY,
        services,
        incident,
        incidentRow,
        from,
        to);
    query(
        "SELECT service, opened_us, resolved_us, caused_by_deployment FROM delivery_incidents"
            + " WHERE cause_finished_us >= ? AND cause_finished_us < ? AND opened_us < ?"
            + in("service", services),
        incidentRow,
        args(services, from, to, from));
    Sink deployment = (service, v) -> facts.deployment((String) v[0], service, (Long) v[1]);
    RowCallbackHandler deploymentRow =
        rs -> facts.deployment(rs.getString(2), rs.getString(1), rs.getLong(3));
    // Deployments that incidents name but that are not this report's (outside the window, or of
    // a service outside the scope) only settle which deployment an incident is attributed to.
    if (named[0]) {
      query(
          "SELECT service, id, finished_us FROM delivery_deployments WHERE counts = TRUE"
              + " AND (finished_us < ? OR finished_us >= ?"
              + (services == null ? "" : " OR service NOT IN " + marks(services))
              + ") AND id IN (SELECT caused_by_deployment FROM delivery_incidents"
              + " WHERE opened_us >= ? AND opened_us < ? AND caused_by_deployment IS NOT NULL"
              + in("service", services)
              + ")",
          rs -> facts.namedDeployment(rs.getString(2), rs.getString(1), rs.getLong(3)),
          named(services, from, to));
    }
    // No ORDER BY: the calculator orders each service's deployments itself.
    read(
        "id, finished_us",
        "delivery_deployments WHERE counts = TRUE AND finished_us >= ? AND finished_us < ?",
        true,
        "finished_us / " + DAY,
        services,
        deployment,
        deploymentRow,
        from,
        to);
    // Lead times grouped by hour on H2 (any grouping would do: each row carries its time).
    read(
        "deployed_us, lead_s",
        "delivery_shipped WHERE deployed_us >= ? AND deployed_us < ? AND lead_s > 0",
        false,
        "deployed_us / " + HOUR,
        services,
        (group, v) -> facts.leadTime((Long) v[0], (Long) v[1]),
        rs -> facts.leadTime(rs.getLong(2), rs.getLong(3)),
        from,
        to);
    return facts;
  }

  /** Receives one row's service (null when not read) and its other columns. */
  private interface Sink {
    void accept(String group, Object[] values);
  }

  /**
   * Reads the columns of the rows in the window: as rows (the service first) on PostgreSQL; on H2
   * as one array per column for each group of rows sharing the service (when by service) and the
   * bucket of a time column (H2 arrays hold at most 65,536 elements; a bucket stays far below).
   */
  private void read(
      String columns,
      String fromWhere,
      boolean byService,
      String bucket,
      Set<String> services,
      Sink sink,
      RowCallbackHandler row,
      long from,
      long to) {
    String scoped = fromWhere + in("service", services);
    String rows = "SELECT " + (byService ? "service" : "0") + ", " + columns + " FROM " + scoped;
    if (postgres) {
      query(rows, row, args(services, from, to));
      return;
    }
    String[] names = columns.split(", ");
    StringBuilder arrays = new StringBuilder();
    for (String name : names) {
      arrays.append(", ARRAY_AGG(").append(name).append(')');
    }
    // The group expressions are selected too: H2 2.4 otherwise groups by a constant first column.
    String groups = (byService ? "service, " : "") + bucket;
    try {
      arrays(groups, arrays, scoped, names, byService, sink, args(services, from, to));
    } catch (DataIntegrityViolationException tooLong) {
      // More than 65,536 values in one group: H2 computes every group before the first row, so
      // nothing was read yet; read rows instead.
      query(rows, row, args(services, from, to));
    }
  }

  private void arrays(
      String groups,
      StringBuilder arrays,
      String scoped,
      String[] names,
      boolean byService,
      Sink sink,
      Object[] args) {
    int first = byService ? 3 : 2;
    query(
        "SELECT " + groups + arrays + " FROM " + scoped + " GROUP BY " + groups,
        rs -> {
          String service = byService ? rs.getString(1) : null;
          Object[][] values = new Object[names.length][];
          for (int c = 0; c < names.length; c++) {
            values[c] = (Object[]) rs.getArray(c + first).getArray();
          }
          for (int i = 0; i < values[0].length; i++) {
            Object[] element = new Object[names.length];
            for (int c = 0; c < names.length; c++) {
              element[c] = values[c][i];
            }
            sink.accept(service, element);
          }
        },
        args);
  }

  private void query(String sql, RowCallbackHandler handler, Object[] args) {
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

  private static Object[] named(Set<String> services, long from, long to) {
    List<Object> all = new ArrayList<>(List.of(from, to));
    if (services != null) {
      all.addAll(services);
    }
    all.addAll(List.of(from, to));
    if (services != null) {
      all.addAll(services);
    }
    return all.toArray();
  }

  private static String in(String column, Set<String> values) {
    return values == null ? "" : " AND " + column + " IN " + marks(values);
  }

  private static String marks(Set<String> values) {
    return "(" + "?, ".repeat(values.size() - 1) + "?)";
  }

  private static Object[] args(Set<String> services, Object... first) {
    List<Object> all = new ArrayList<>(List.of(first));
    if (services != null) {
      all.addAll(services);
    }
    return all.toArray();
  }
}
