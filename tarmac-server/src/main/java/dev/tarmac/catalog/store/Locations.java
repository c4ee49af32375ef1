package dev.tarmac.catalog.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered locations. */
@Repository
public class Locations {

  private static final String COLUMNS = "id, type, target, origin";
  private final JdbcClient jdbc;

  /** Creates the repository. */
  public Locations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every registered location, oldest first. */
  public List<LocationRow> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_location ORDER BY created_at, id")
        .query(LocationRow.class)
        .list();
  }

  /** A location by id. */
  public Optional<LocationRow> byId(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_location WHERE id = ?")
        .param(id)
        .query(LocationRow.class)
        .optional();
  }

  /** A location by its {@code type:target} key. */
  public Optional<LocationRow> byKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_location WHERE location_key = ?")
        .param(key)
        .query(LocationRow.class)
        .optional();
  }

  /** Stores a new location. */
  public void insert(LocationRow row, Instant now) {
    jdbc.sql(
            "INSERT INTO catalog_location (id, type, target, location_key, origin, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(row.id(), row.type(), row.target(), row.key(), row.origin(), Rows.ts(now))
        .update();
  }

  /** Changes a location's type and target. */
  public void update(LocationRow row) {
    jdbc.sql("UPDATE catalog_location SET type = ?, target = ?, location_key = ? WHERE id = ?")
        .params(row.type(), row.target(), row.key(), row.id())
        .update();
  }

  /** One page of locations, oldest first, and the total. */
  public List<LocationRow> page(String type, String target, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM catalog_location WHERE (:type IS NULL OR type = :type)"
                + " AND (:target IS NULL OR target = :target)"
                + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
        .param("type", type, java.sql.Types.VARCHAR)
        .param("target", target, java.sql.Types.VARCHAR)
        .param("limit", limit)
        .param("offset", offset)
        .query(LocationRow.class)
        .list();
  }

  /** Removes a location row. */
  public void delete(String id) {
    jdbc.sql("DELETE FROM catalog_location WHERE id = ?").param(id).update();
  }
}
