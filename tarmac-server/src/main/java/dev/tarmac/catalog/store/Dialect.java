package dev.tarmac.catalog.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The two databases Tarmac runs on; the few statements that differ are chosen here. */
public enum Dialect {
  /** Embedded H2 in PostgreSQL mode. */
  H2,
  /** PostgreSQL, the production system of record. */
  POSTGRES;

  /** Detects the dialect of a data source from its driver metadata. */
  public static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? POSTGRES : H2;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to detect its kind", e);
    }
  }
}
