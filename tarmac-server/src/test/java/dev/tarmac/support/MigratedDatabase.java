package dev.tarmac.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh database of this test run (in-memory H2 or PostgreSQL) with Tarmac's migrations. */
public final class MigratedDatabase {

  private MigratedDatabase() {}

  /**
   * Creates a database named after {@code prefix}, migrated to {@code target} (null: the newest);
   * {@code database} is {@code h2} or {@code postgresql} (skipped without PostgreSQL).
   */
  public static DataSource create(String database, String prefix, String target) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource ds =
        new DriverManagerDataSource(
            database.equals("h2")
                ? "jdbc:h2:mem:"
                    + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : TestPostgres.create(name));
    migrate(ds, target);
    return ds;
  }

  /** Applies Tarmac's migrations up to {@code target} (null: the newest). */
  public static void migrate(DataSource ds, String target) {
    var config =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
            .outOfOrder(true);
    if (target != null) {
      config.target(target);
    }
    config.load().migrate();
  }
}
