package dev.tarmac.metrics.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The delivery store on H2 in PostgreSQL mode, the embedded default. */
class DeliveryStoreH2Test extends DeliveryStoreContract {

  private final DataSource ds =
      new SimpleDriverDataSource(
          new org.h2.Driver(),
          "jdbc:h2:mem:delivery-"
              + UUID.randomUUID()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
              + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
          "sa",
          "");

  @Override
  DataSource dataSource() {
    return ds;
  }

  @Override
  String vendor() {
    return "h2";
  }
}
