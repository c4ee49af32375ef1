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

  /**
   * The longest IN list one statement sends. H2 checks every row that an IN list's index lookups
   * fetch against the whole list again, one comparison per value: reading the relations of 5,000
   * refs (18,000 rows) took 68-75 ms in lists of 500 and 35-60 ms in lists of 64 or 128. PostgreSQL
   * hashes a long list, and there each statement is a round trip: 100,000 entities took 33.3-33.6 s
   * in lists of 500 against 34.8-40.7 s in lists of 128.
   */
  public int inListLimit() {
    return this == H2 ? 128 : 500;
  }

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
