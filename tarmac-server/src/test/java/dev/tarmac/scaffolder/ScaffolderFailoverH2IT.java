package dev.tarmac.scaffolder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Failover on the embedded default: both instances open one H2 file database (in one JVM they share
 * it, as two replicas share a server database).
 */
class ScaffolderFailoverH2IT extends FailoverContract {

  @Override
  String databaseUrl() throws Exception {
    Path dir = Files.createTempDirectory("failover-h2");
    return "jdbc:h2:file:"
        + dir.resolve("tarmac").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  @Override
  String databaseUser() {
    return "sa";
  }
}
