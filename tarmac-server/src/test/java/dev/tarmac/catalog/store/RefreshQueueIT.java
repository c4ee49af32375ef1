package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.MigratedDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leases and stitch claims a replica gives back when it stops, on both databases. */
class RefreshQueueIT {

  private static final List<String> REFS =
      List.of(
          "component:default/a",
          "component:default/b",
          "component:default/c",
          "component:default/d");

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aStoppingReplicaHandsBackItsLeasesAndClaimsOnly(String database) {
    DataSource ds = MigratedDatabase.create(database, "tarmac_queue_", null);
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    RefreshQueue queue = new RefreshQueue(JdbcClient.create(ds), jdbc, new BulkInsert(ds, jdbc));
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Instant later = now.plusSeconds(1);
    Instant leaseEnd = now.plusSeconds(30);
    queue.insert(REFS, Map.of(), now);
    queue.requestStitch(REFS);
    List<String> first = queue.claim("replica-1", 2, now, leaseEnd);
    List<String> second = queue.claim("replica-2", 1, now, leaseEnd);
    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(queue.claimStitch("replica-1", 3, now, leaseEnd).refs()).hasSize(3);

    // Two leases and three stitch claims.
    assertThat(queue.releaseAll("replica-1", later)).isEqualTo(5);

    // Replica 1's work is due at once; replica 2 keeps its lease.
    assertThat(queue.claim("replica-3", 10, later, leaseEnd))
        .hasSize(3)
        .containsAll(first)
        .doesNotContainAnyElementsOf(second);
    assertThat(queue.claimStitch("replica-3", 10, later, leaseEnd).refs())
        .containsExactlyInAnyOrderElementsOf(REFS);
    assertThat(queue.releaseAll("replica-1", later)).isZero();
  }
}
