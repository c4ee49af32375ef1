package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tarmac.support.Await;
import dev.tarmac.support.TestPostgres;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Before stitching, PostgreSQL's relation and emitter tables are vacuumed once many relation rows
 * were inserted, so stitching reads them by index alone; H2 has nothing to vacuum.
 */
class TableStatisticsIT {

  @Test
  void postgresVacuumsTheRelationTablesOnlyAfterManyRelationRows() {
    DataSource ds = freshDatabase();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.execute(
        "CREATE TABLE catalog_relation (originating_entity_ref TEXT, source_entity_ref TEXT,"
            + " type TEXT, target_entity_ref TEXT)");
    jdbc.execute(
        "CREATE TABLE catalog_refresh_ref (source_entity_ref TEXT, target_entity_ref TEXT)");
    TableStatistics statistics = new TableStatistics(jdbc, ds);

    statistics.relationRowsWritten(19_999);
    statistics.vacuumBeforeStitching();
    statistics.relationRowsWritten(1);
    statistics.vacuumBeforeStitching();
    statistics.vacuumBeforeStitching(); // nothing written since: no second vacuum

    Await.until(
        "the vacuums to be counted",
        Duration.ofSeconds(10),
        () -> vacuums(jdbc, "catalog_relation") == 1 && vacuums(jdbc, "catalog_refresh_ref") == 1);
    assertThat(vacuums(jdbc, "catalog_relation")).isEqualTo(1);
  }

  @Test
  void aVacuumThatFailsIsLoggedAndStitchingGoesOn() {
    // A database without the catalog tables: VACUUM fails, and the stitching round must not.
    DataSource ds = freshDatabase();
    TableStatistics statistics = new TableStatistics(new JdbcTemplate(ds), ds);
    statistics.relationRowsWritten(20_000);
    assertThatCode(statistics::vacuumBeforeStitching).doesNotThrowAnyException();
  }

  @Test
  void h2IsNeverVacuumed() {
    DataSource ds =
        new DriverManagerDataSource(
            "jdbc:h2:mem:stats;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    TableStatistics statistics = new TableStatistics(new JdbcTemplate(ds), ds);
    statistics.relationRowsWritten(100_000);
    // H2 has no VACUUM statement: running one would fail.
    assertThatCode(statistics::vacuumBeforeStitching).doesNotThrowAnyException();
  }

  private static long vacuums(JdbcTemplate jdbc, String table) {
    Long n =
        jdbc.queryForObject(
            "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?", Long.class, table);
    return n == null ? 0 : n;
  }

  private static DataSource freshDatabase() {
    return new DriverManagerDataSource(
        TestPostgres.create(
            "tarmac_stats_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
  }
}
