package dev.tarmac.metrics.store;

import dev.tarmac.support.TestPostgres;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The delivery store on PostgreSQL (a database private to the run). */
class DeliveryStorePostgresIT extends DeliveryStoreContract {

  private DataSource ds;

  @Override
  DataSource dataSource() {
    if (ds == null) {
      String url = TestPostgres.create("tarmac_delivery_" + Long.toHexString(System.nanoTime()));
      // As in production (PostgresConnectionTuning): batched inserts are rewritten into
      // multi-row statements, which report no per-row update counts.
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
      ds = new SimpleDriverDataSource(new org.postgresql.Driver(), url);
    }
    return ds;
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
