package dev.tarmac.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.TarmacApplication;
import dev.tarmac.support.Await;
import dev.tarmac.support.SyntheticCatalog;
import dev.tarmac.support.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two replicas on one PostgreSQL database share the processing through leases. */
class MultiReplicaPostgresIT {

  private static final int COMPONENTS = 1500;
  private static final int EXPECTED = COMPONENTS + 15 + 2;

  /** The nested catalog adds one Location per file of 100 entities. */
  private static final int EXPECTED_NESTED = EXPECTED + (COMPONENTS + 15 + 99) / 100;

  @Test
  void twoReplicasProcessALocationOnce() throws Exception {
    String url = TestPostgres.create("tarmac_replicas_" + suffix());
    Path root =
        SyntheticCatalog.write(Files.createTempDirectory("replicas"), "once", COMPONENTS, true);
    // Both replicas run before the location appears, so both loops compete for its work: the
    // nested locations, claimed five at a time, and the stitching.
    try (ConfigurableApplicationContext a = start(url, "a", null, "60s", 5);
        ConfigurableApplicationContext b = start(url, "b", null, "60s", 5)) {
      a.getBean(Catalog.class).registrations().register("file", root.toString(), "api");
      JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
      Await.until(
          "all entities stitched",
          Duration.ofSeconds(120),
          () -> finals(jdbc) == EXPECTED_NESTED && backlog(jdbc) == 0);
      double byA = processed(a);
      double byB = processed(b);
      // Each entity was processed exactly once across both replicas (the interval is an hour).
      assertThat(byA + byB).isEqualTo(EXPECTED_NESTED);
      assertThat(byA).as("processed by replica a").isPositive();
      assertThat(byB).as("processed by replica b").isPositive();
      assertThat(distinctRefs(jdbc)).isEqualTo(EXPECTED_NESTED);
    }
  }

  @Test
  void aReplicaStoppedMidwayLosesNothing() throws Exception {
    String url = TestPostgres.create("tarmac_failover_" + suffix());
    Path root = SyntheticCatalog.write(Files.createTempDirectory("failover"), "fail", COMPONENTS);
    ConfigurableApplicationContext a = start(url, "a", root, "2s", 100);
    JdbcTemplate jdbcA = a.getBean(JdbcTemplate.class);
    Await.until("processing to start", Duration.ofSeconds(60), () -> finals(jdbcA) > 0);
    a.close();
    try (ConfigurableApplicationContext b = start(url, "b", root, "2s", 100)) {
      JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
      Await.until(
          "the survivor to finish",
          Duration.ofSeconds(120),
          () -> finals(jdbc) == EXPECTED && backlog(jdbc) == 0);
      assertThat(distinctRefs(jdbc)).isEqualTo(EXPECTED);
      List<String> orphans =
          jdbc.queryForList(
              "SELECT entity_ref FROM catalog_final_entity"
                  + " WHERE final_json LIKE '%backstage.io/orphan%'",
              String.class);
      assertThat(orphans).isEmpty();
    }
  }

  private static ConfigurableApplicationContext start(
      String url, String id, Path root, String lease, int batchSize) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--tarmac.demo=false",
                "--tarmac.instance-id=" + id,
                "--tarmac.data-dir=target/replica-" + id,
                "--tarmac.catalog.processing-interval=1h",
                "--tarmac.catalog.batch-size=" + batchSize,
                "--tarmac.catalog.lease-timeout=" + lease,
                "--tarmac.catalog.poll-interval=50ms",
                "--tarmac.catalog.rules[0].allow=Component,System,Group,Location",
                // the catalogs are written to temporary folders and registered through the API
                "--tarmac.reading.file-roots=" + System.getProperty("java.io.tmpdir")));
    if (root != null) {
      args.add("--tarmac.catalog.locations[0].type=file");
      args.add("--tarmac.catalog.locations[0].target=" + root);
    }
    return new SpringApplicationBuilder(TarmacApplication.class).run(args.toArray(String[]::new));
  }

  private static long finals(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM catalog_final_entity", Long.class);
  }

  private static long backlog(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM catalog_refresh_queue WHERE stitch_requested"
            + " OR entity_ref IN (SELECT entity_ref FROM catalog_refresh_state WHERE processed_json IS NULL"
            + " AND NOT processed_as_emitted)",
        Long.class);
  }

  private static long distinctRefs(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "SELECT COUNT(DISTINCT entity_ref) FROM catalog_final_entity", Long.class);
  }

  private static double processed(ConfigurableApplicationContext ctx) {
    return ctx.getBean(MeterRegistry.class).get("tarmac.catalog.processed").counter().count();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
