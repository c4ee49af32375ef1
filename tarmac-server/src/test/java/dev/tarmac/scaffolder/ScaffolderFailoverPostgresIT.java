package dev.tarmac.scaffolder;

import dev.tarmac.support.TestPostgres;
import java.util.UUID;

/** Failover on PostgreSQL, the production database for several replicas. */
class ScaffolderFailoverPostgresIT extends FailoverContract {

  @Override
  String databaseUrl() {
    return TestPostgres.create(
        "tarmac_failover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
  }

  @Override
  String databaseUser() {
    return "postgres";
  }
}
