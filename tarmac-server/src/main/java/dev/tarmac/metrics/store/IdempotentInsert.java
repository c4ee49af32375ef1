package dev.tarmac.metrics.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code INSERT … ON CONFLICT DO NOTHING} of many rows that tells which rows were new. H2 returns
 * one update count per batched row. PostgreSQL's driver rewrites batches into multi-row statements
 * (reWriteBatchedInserts) and then reports no per-row counts, so there the rows travel as one array
 * per column through {@code unnest}, in one round trip, and {@code RETURNING} names the new keys.
 */
final class IdempotentInsert {

  /**
   * A column and its PostgreSQL array element type.
   *
   * @param name the column
   * @param type varchar, text, boolean, bigint or timestamptz (values given as Instant)
   */
  record Column(String name, String type) {}

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  IdempotentInsert(JdbcTemplate jdbc, boolean postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  /**
   * Inserts the rows (values in column order); the result tells, per row, whether it was stored. Of
   * rows sharing a key within the call, only the first can be.
   *
   * @param keys how many leading columns form the conflict key
   */
  boolean[] insert(String table, List<Column> columns, int keys, List<Object[]> rows) {
    boolean[] stored = new boolean[rows.size()];
    if (rows.isEmpty()) {
      return stored;
    }
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    if (!postgres) {
      List<Object[]> values =
          rows.stream().map(r -> java.util.Arrays.stream(r).map(v -> h2(v)).toArray()).toList();
      int[] counts =
          jdbc.batchUpdate(
              "INSERT INTO "
                  + table
                  + " ("
                  + names
                  + ") VALUES ("
                  + "?, ".repeat(columns.size() - 1)
                  + "?) ON CONFLICT DO NOTHING",
              values);
      for (int i = 0; i < counts.length; i++) {
        stored[i] = counts[i] != 0;
      }
      return stored;
    }
    String arrays =
        columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
    String returning =
        columns.subList(0, keys).stream().map(Column::name).collect(Collectors.joining(", "));
    Set<String> inserted = new HashSet<>();
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "INSERT INTO "
                      + table
                      + " ("
                      + names
                      + ") SELECT * FROM unnest("
                      + arrays
                      + ") ON CONFLICT DO NOTHING RETURNING "
                      + returning);
          for (int c = 0; c < columns.size(); c++) {
            ps.setArray(c + 1, array(con, columns.get(c).type(), rows, c));
          }
          return ps;
        },
        rs -> {
          StringBuilder key = new StringBuilder();
          for (int k = 1; k <= keys; k++) {
            key.append(rs.getString(k)).append('\u0000');
          }
          inserted.add(key.toString());
        });
    for (int i = 0; i < stored.length; i++) {
      StringBuilder key = new StringBuilder();
      for (int k = 0; k < keys; k++) {
        key.append(rows.get(i)[k]).append('\u0000');
      }
      // remove: a later row with the same key was a duplicate within the call.
      stored[i] = inserted.remove(key.toString());
    }
    return stored;
  }

  /** A PostgreSQL array of one column's values. */
  static Array array(Connection con, String type, List<Object[]> rows, int column)
      throws SQLException {
    Object[] values =
        switch (type) {
          case "bigint" -> new Long[rows.size()];
          case "boolean" -> new Boolean[rows.size()];
          default -> new String[rows.size()];
        };
    for (int i = 0; i < values.length; i++) {
      Object v = rows.get(i)[column];
      values[i] = v instanceof Instant t ? t.toString() : v;
    }
    return con.createArrayOf(type, values);
  }

  /** A value as H2 takes it: instants as UTC offset date-times. */
  static Object h2(Object v) {
    return v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v;
  }
}
