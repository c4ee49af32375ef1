package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.TarmacApplication;
import dev.tarmac.catalog.Catalog;
import dev.tarmac.scaffolder.engine.TaskWorker;
import dev.tarmac.scaffolder.store.TaskRow;
import dev.tarmac.scaffolder.store.TaskStore;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Tarmac instances on one database: a task running on instance A when A stops is failed by
 * instance B once A's lease runs out, with a reason naming A's replica and lease, and its event log
 * is A's events followed by B's failure and one completion event. Subclasses pick the database.
 */
abstract class FailoverContract {

  static final String LEASE = "2s";
  static final EntityRef TEMPLATE = EntityRef.parse("template:default/slow-task");

  /** The JDBC URL both instances use. */
  abstract String databaseUrl() throws Exception;

  /** The database user. */
  abstract String databaseUser();

  @Test
  void aTaskWhoseInstanceStopsIsFailedByTheOtherWithACompleteLog() throws Exception {
    String url = databaseUrl();
    Path templates = Files.createTempDirectory("failover-templates");
    Files.writeString(
        templates.resolve("template.yaml"),
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: slow-task, title: Slow task}
        spec:
          owner: group:default/platform
          type: service
          steps:
            - id: hello
              name: Hello
              action: debug:log
              input: {message: before the wait}
            - id: wait
              name: Wait
              action: debug:wait
              input: {seconds: 120}
            - id: after
              name: After
              action: debug:log
              input: {message: after the wait}
        """);
    ConfigurableApplicationContext a = start(url, "a", templates);
    ConfigurableApplicationContext b = null;
    try {
      Await.until(
          "the template on instance a",
          Duration.ofSeconds(60),
          () -> a.getBean(Catalog.class).entity(TEMPLATE).isPresent());
      Api apiA = new Api(port(a));
      Api.Response created =
          apiA.post(
              "/api/scaffolder/v2/tasks", "{\"templateRef\":\"" + TEMPLATE + "\",\"values\":{}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().path("id").asString();
      String ownerA = a.getBean(TaskWorker.class).owner();
      Scaffolder scaffolderA = a.getBean(Scaffolder.class);
      Await.until(
          "instance a to run the wait step",
          Duration.ofSeconds(30),
          () -> messages(scaffolderA.events(id, 0)).contains("Beginning step Wait"));
      assertThat(a.getBean(TaskStore.class).find(id).map(TaskRow::claimedBy)).contains(ownerA);

      b = start(url, "b", templates);
      String ownerB = b.getBean(TaskWorker.class).owner();
      TaskStore storeB = b.getBean(TaskStore.class);
      // While A heart-beats, B leaves the task alone however long it waits.
      Thread.sleep(Duration.parse("PT" + LEASE).toMillis() * 2 + 1000);
      TaskRow held = storeB.find(id).orElseThrow();
      assertThat(held.status()).isEqualTo("processing");
      assertThat(held.claimedBy()).isEqualTo(ownerA);

      Scaffolder scaffolderB = b.getBean(Scaffolder.class);
      List<TaskEvent> beforeStop = scaffolderB.events(id, 0);
      long stopped = System.nanoTime();
      a.close();
      Await.until(
          "instance b to fail the abandoned task",
          Duration.ofSeconds(30),
          () -> "failed".equals(scaffolderB.task(id).status()));
      System.out.println(
          "failover: instance b failed the task "
              + (System.nanoTime() - stopped) / 1_000_000
              + " ms after instance a stopped (lease "
              + LEASE
              + ")");

      ScaffolderTask task = scaffolderB.task(id);
      assertThat(task.error())
          .contains("replica " + ownerA + " stopped while running it")
          .contains("lease expired")
          .contains("replica " + ownerB + " failed it");
      assertThat(task.steps())
          .extracting(TaskStep::status)
          .containsExactly("completed", "failed", "open");
      assertThat(
              new Api(port(b))
                  .get("/api/scaffolder/v2/tasks/" + id)
                  .json()
                  .path("status")
                  .asString())
          .isEqualTo("failed");

      List<TaskEvent> log = scaffolderB.events(id, 0);
      assertThat(log.subList(0, beforeStop.size()))
          .as("the events instance a wrote, unchanged and first")
          .usingRecursiveComparison()
          .isEqualTo(beforeStop);
      assertThat(log).hasSize(beforeStop.size() + 2);
      TaskEvent failure = log.get(log.size() - 2);
      TaskEvent completion = log.get(log.size() - 1);
      assertThat(failure.type()).isEqualTo("log");
      assertThat(failure.body().path("message").asString()).isEqualTo(task.error());
      assertThat(completion.type()).isEqualTo("completion");
      assertThat(completion.body().path("status").asString()).isEqualTo("failed");
      assertThat(completion.body().path("message").asString()).isEqualTo(task.error());
      assertThat(log).extracting(TaskEvent::type).containsOnlyOnce("completion");
      List<Long> ids = log.stream().map(TaskEvent::id).toList();
      assertThat(ids).isSorted().doesNotHaveDuplicates();
      assertThat(messages(log)).contains("before the wait").doesNotContain("after the wait");
    } finally {
      if (a.isActive()) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
    }
  }

  private ConfigurableApplicationContext start(String url, String id, Path templates) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + databaseUser(),
                "--spring.datasource.password=",
                "--tarmac.demo=false",
                "--tarmac.instance-id=" + id,
                "--tarmac.data-dir=target/failover-" + id + "-" + UUID.randomUUID(),
                "--tarmac.catalog.poll-interval=50ms",
                "--tarmac.catalog.rules[0].allow=Template",
                "--tarmac.catalog.locations[0].type=file",
                "--tarmac.catalog.locations[0].target=" + templates.resolve("template.yaml"),
                "--tarmac.scaffolder.lease-timeout=" + LEASE,
                "--tarmac.scaffolder.poll-interval=100ms"));
    return new SpringApplicationBuilder(TarmacApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext ctx) {
    return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
  }

  private static String messages(List<TaskEvent> events) {
    StringBuilder out = new StringBuilder();
    events.forEach(e -> out.append(e.body().path("message").asString()).append('\n'));
    return out.toString();
  }
}
