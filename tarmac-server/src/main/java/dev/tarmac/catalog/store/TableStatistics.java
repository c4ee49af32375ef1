package dev.tarmac.catalog.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the query planner's statistics fresh: after a large change to the catalog (a bulk
 * registration) settles, the catalog tables are analysed (and vacuumed on PostgreSQL), so filters
 * on a fresh catalog get good plans and index-only scans.
 */
@Component
public class TableStatistics {

  private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
  private static final List<String> TABLES =
      List.of(
          "catalog_final_entity",
          "catalog_relation",
          "catalog_refresh_state",
          "catalog_refresh_queue",
          "catalog_refresh_ref");
  private static final long THRESHOLD = 1_000;
  private static final long RELATION_ROWS_BEFORE_STITCHING = 20_000;
  private final JdbcTemplate jdbc;
  private final Dialect dialect;
  private final AtomicLong changedSinceAnalyze = new AtomicLong();
  private final AtomicLong relationRowsSinceVacuum = new AtomicLong();

  /** Creates the component. */
  public TableStatistics(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dialect = Dialect.of(dataSource);
  }

  /** Records that this many entities were written. */
  public void changed(long entities) {
    changedSinceAnalyze.addAndGet(entities);
  }

  /** Records that this many relation rows were inserted. */
  public void relationRowsWritten(long rows) {
    relationRowsSinceVacuum.addAndGet(rows);
  }

  /**
   * Vacuums the relation and emitter tables on PostgreSQL when many rows were inserted since the
   * last time; call before stitching. Stitching reads every entity's relations and emitters by
   * index, and on rows not yet marked all-visible each index entry costs a visit to the table as
   * well (at 100,000 entities the relation reads were the stitch phase's largest cost).
   */
  public void vacuumBeforeStitching() {
    long rows = relationRowsSinceVacuum.get();
    if (dialect != Dialect.POSTGRES
        || rows < RELATION_ROWS_BEFORE_STITCHING
        || !relationRowsSinceVacuum.compareAndSet(rows, 0)) {
      return;
    }
    long start = System.nanoTime();
    try {
      jdbc.execute("VACUUM (ANALYZE) catalog_relation");
      jdbc.execute("VACUUM (ANALYZE) catalog_refresh_ref");
    } catch (DataAccessException e) {
      // Only slower stitching follows; the round's stitching must not fail for it.
      log.warn("Could not vacuum the relation tables before stitching: {}", e.toString());
      return;
    }
    log.info(
        "Vacuumed relations before stitching, after {} rows, in {} ms",
        rows,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Analyses the catalog tables if enough has changed since the last time; call when idle. */
  public void analyzeIfChanged() {
    long changed = changedSinceAnalyze.get();
    if (changed < THRESHOLD || !changedSinceAnalyze.compareAndSet(changed, 0)) {
      return;
    }
    long start = System.nanoTime();
    for (String table : TABLES) {
      // On PostgreSQL, VACUUM also marks pages all-visible, which lets filter subqueries use
      // index-only scans on the covering search index.
      jdbc.execute(
          dialect == Dialect.POSTGRES ? "VACUUM (ANALYZE) " + table : "ANALYZE TABLE " + table);
    }
    log.info(
        "Analysed catalog tables after {} entity changes in {} ms",
        changed,
        (System.nanoTime() - start) / 1_000_000);
  }
}
