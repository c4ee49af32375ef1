package dev.tarmac.scaffolder.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Task leases on PostgreSQL with two replicas sharing one database: each task is claimed once, a
 * replica that lost its lease cannot write a result, and an abandoned task is failed once.
 */
class TaskLeasesPostgresIT {

  static TaskStore store;
  static EventStore events;

  @BeforeAll
  static void database() {
    String url =
        TestPostgres.create(
            "tarmac_scaffolder_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    DriverManagerDataSource ds = new DriverManagerDataSource(url);
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    store = new TaskStore(JdbcClient.create(ds));
    events = new EventStore(JdbcClient.create(ds));
  }

  private static String open() {
    String id = UUID.randomUUID().toString();
    store.insert(
        id,
        "template:default/t",
        "{}",
        "{}",
        "{\"token\":\"x\"}",
        "user:default/guest",
        "[]",
        Instant.now());
    return id;
  }

  @Test
  void twoReplicasNeverClaimTheSameTask() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(open());
    }
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (String replica : List.of("replica-a", "replica-b")) {
      done.add(
          pool.submit(
              () -> {
                while (true) {
                  Instant now = Instant.now();
                  var row = store.claim(replica, now, now.plusSeconds(30));
                  if (row.isEmpty()) {
                    return;
                  }
                  claimed.add(row.get().id());
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).containsAll(ids).doesNotHaveDuplicates();
  }

  @Test
  void anAbandonedTaskFailsOnceAndItsReplicaCannotWriteAResult() {
    String id = open();
    Instant now = Instant.now();
    assertThat(store.claim("dead", now, now.plusSeconds(30))).isPresent();
    store
        .claim("other", now, now.plusSeconds(30))
        .ifPresent(r -> assertThat(r.id()).isNotEqualTo(id));
    store.expireLease(id);
    List<TaskRow> abandoned =
        store.abandoned(Instant.now()).stream().filter(r -> r.id().equals(id)).toList();
    assertThat(abandoned).hasSize(1);
    assertThat(store.failAbandoned(abandoned.get(0), "replica dead stopped")).isTrue();
    assertThat(store.failAbandoned(abandoned.get(0), "again")).isFalse();
    assertThat(store.heartbeat(id, "dead", Instant.now(), Instant.now().plusSeconds(30))).isFalse();
    assertThat(store.finish(id, "dead", "completed", "{}", "[]", null)).isFalse();
    TaskRow row = store.find(id).orElseThrow();
    assertThat(row.status()).isEqualTo("failed");
    assertThat(row.error()).isEqualTo("replica dead stopped");
    assertThat(store.reopen(id, "[]")).isTrue();
    assertThat(store.find(id).orElseThrow().status()).isEqualTo("open");
  }

  @Test
  void onlyTheLeaseHolderWritesEventsAndStepsAndAFailedTasksLogStaysEnded() {
    String id = open();
    Instant now = Instant.now();
    while (store
        .claim("holder", now, now.plusSeconds(30))
        .map(r -> !r.id().equals(id))
        .orElse(false)) {
      now = Instant.now();
    }
    assertThat(events.appendHeld(id, "holder", "log", "{\"message\":\"mine\"}", Instant.now()))
        .isTrue();
    assertThat(events.appendHeld(id, "intruder", "log", "{\"message\":\"no\"}", Instant.now()))
        .isFalse();
    assertThat(store.saveSteps(id, "holder", "[{\"id\":\"a\",\"status\":\"processing\"}]"))
        .isTrue();
    assertThat(store.saveSteps(id, "intruder", "[]")).isFalse();
    store.expireLease(id);
    TaskRow row =
        store.abandoned(Instant.now()).stream()
            .filter(r -> r.id().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(store.failAbandoned(row, "gone", "[{\"id\":\"a\",\"status\":\"failed\"}]")).isTrue();
    events.append(id, "completion", "{\"message\":\"gone\"}", Instant.now());
    assertThat(events.appendHeld(id, "holder", "log", "{\"message\":\"late\"}", Instant.now()))
        .isFalse();
    assertThat(store.saveSteps(id, "holder", "[]")).isFalse();
    assertThat(events.after(id, 0))
        .extracting(EventStore.EventRow::body)
        .containsExactly("{\"message\":\"mine\"}", "{\"message\":\"gone\"}");
    assertThat(store.find(id).orElseThrow().steps()).contains("failed");
  }

  @Test
  void completionDropsSecretsAndEventsKeepTheirOrder() {
    String id = open();
    Instant now = Instant.now();
    while (store.claim("a", now, now.plusSeconds(30)).map(r -> !r.id().equals(id)).orElse(false)) {
      now = Instant.now();
    }
    events.append(id, "log", "{\"message\":\"one\"}", Instant.now());
    events.append(id, "completion", "{\"message\":\"two\"}", Instant.now());
    assertThat(store.finish(id, "a", "completed", "{}", "[]", null)).isTrue();
    assertThat(store.find(id).orElseThrow().secrets()).isNull();
    List<EventStore.EventRow> log = events.after(id, 0);
    assertThat(log).extracting(EventStore.EventRow::type).containsExactly("log", "completion");
    assertThat(events.after(id, log.get(0).id())).hasSize(1);
    assertThat(store.list(null, "completed", 10, 0)).extracting(TaskRow::id).contains(id);
    assertThat(store.count("user:default/guest", null)).isPositive();
  }
}
