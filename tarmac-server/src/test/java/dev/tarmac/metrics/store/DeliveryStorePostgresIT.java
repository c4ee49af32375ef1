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
      ds =
          new SimpleDriverDataSource(
              new org.postgresql.Driver(),
              TestPostgres.create("tarmac_delivery_" + Long.toHexString(System.nanoTime())));
    }
    return ds;
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
