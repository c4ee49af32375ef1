package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.scaffolder.store.TaskStore;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The scaffolder API end to end: golden path to pushed repository to registered entity. */
@TarmacTest
class ScaffolderIT {

  static final String TEMPLATE = "template:default/spring-boot-rest-service";

  @Autowired Environment env;
  @Autowired Catalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired TaskStore tasks;
  @Autowired Scaffolder scaffolder;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    Await.until(
        "the golden path template",
        Duration.ofSeconds(60),
        () -> catalog.entity(EntityRef.parse(TEMPLATE)).isPresent());
  }

  @Test
  void listsSelfDescribingActions() {
    JsonNode actions = api.get("/api/scaffolder/v2/actions").json();
    List<String> ids = new ArrayList<>();
    actions.forEach(a -> ids.add(a.path("id").asString()));
    assertThat(ids)
        .contains(
            "fetch:plain",
            "fetch:plain:file",
            "fetch:template",
            "fetch:template:file",
            "fs:delete",
            "fs:rename",
            "debug:log",
            "debug:wait",
            "catalog:write",
            "catalog:register",
            "catalog:fetch",
            "publish:git",
            "publish:github",
            "publish:gitlab");
    actions.forEach(
        a ->
            assertThat(a.path("schema").path("input").path("type").asString()).isEqualTo("object"));
    for (JsonNode a : actions) {
      if (a.path("id").asString().matches("publish:git(hub|lab)")) {
        assertThat(a.path("description").asString()).contains("REST API");
        assertThat(a.path("schema").path("input").path("required").toString()).contains("repoUrl");
        assertThat(a.path("schema").path("output").path("properties").propertyNames())
            .contains("remoteUrl", "repoContentsUrl", "commitHash");
        assertThat(a.path("examples")).isNotEmpty();
      }
    }
  }

  @Test
  void listsTheGoldenPathsForTheGallery() {
    List<String> refs = new ArrayList<>();
    api.get("/api/scaffolder/v2/templates").json().forEach(t -> refs.add(t.path("ref").asString()));
    assertThat(refs)
        .contains(
            TEMPLATE, "template:default/event-driven-service", "template:default/scheduled-job");
  }

  @Test
  void servesTheParameterSchemaWithUiHints() {
    JsonNode schema =
        api.get(
                "/api/scaffolder/v2/templates/default/template/spring-boot-rest-service/parameter-schema")
            .json();
    assertThat(schema.path("title").asString()).isEqualTo("Spring Boot REST service");
    assertThat(schema.path("steps")).hasSize(2);
    assertThat(
            schema
                .path("steps")
                .get(1)
                .path("schema")
                .path("properties")
                .path("repoUrl")
                .path("ui:field")
                .asString())
        .isEqualTo("RepoUrlPicker");
  }

  @Test
  void aBadParameterIsA400NamingIt() {
    Api.Response r =
        api.post(
            "/api/scaffolder/v2/tasks",
            "{\"templateRef\":\""
                + TEMPLATE
                + "\",\"values\":{\"name\":\"Bad Name\",\"owner\":\"group:default/platform\",\"repoUrl\":\"git.tarmac.local?owner=it&repo=x\"}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(r.json().path("detail").asString()).contains("name").contains("pattern");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"spring-boot-rest-service", "event-driven-service", "scheduled-job"})
  void runsEachGoldenPathToAPushedRepositoryAndARegisteredEntity(String golden) throws Exception {
    String template = "template:default/" + golden;
    Await.until(
        "the template",
        Duration.ofSeconds(60),
        () -> catalog.entity(EntityRef.parse(template)).isPresent());
    String name = "svc-" + UUID.randomUUID().toString().substring(0, 6);
    long start = System.nanoTime();
    Api.Response created =
        api.post(
            "/api/scaffolder/v2/tasks",
            "{\"templateRef\":\""
                + template
                + "\",\"values\":{\"name\":\""
                + name
                + "\",\"owner\":\"group:default/platform\","
                + "\"javaPackage\":\"com.example.orders\",\"repoUrl\":\"git.tarmac.local?owner=it&repo="
                + name
                + "\"},"
                + "\"secrets\":{\"token\":\"very-secret-token\"}}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    Await.until(
        "the task to end",
        Duration.ofSeconds(60),
        () -> !List.of("open", "processing").contains(status(id)));
    JsonNode task = api.get("/api/scaffolder/v2/tasks/" + id).json();
    assertThat(task.path("error").isMissingNode() || task.path("error").isNull())
        .as(task.toString())
        .isTrue();
    assertThat(task.path("status").asString()).isEqualTo("completed");
    EntityRef component = new EntityRef("component", "default", name);
    Await.until(
        "the registered entity",
        Duration.ofSeconds(60),
        () -> catalog.entity(component).isPresent());
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "golden path "
            + golden
            + " end to end (task -> pushed -> entity in catalog): "
            + ms
            + " ms");
    Path bare = Path.of("target/it-data/git/it/" + name + ".git");
    try (Git git = Git.open(bare.toFile())) {
      assertThat(git.log().call().iterator().next().getFullMessage()).contains("Create " + name);
    }
    JsonNode events = api.get("/api/scaffolder/v2/tasks/" + id + "/events").json();
    assertThat(events.get(events.size() - 1).path("type").asString()).isEqualTo("completion");
    assertThat(events.toString())
        .doesNotContain("very-secret-token")
        .contains("Beginning step Publish");
    assertThat(task.path("output").path("links").get(1).path("entityRef").asString())
        .isEqualTo("component:default/" + name);
    String sse = api.get("/api/scaffolder/v2/tasks/" + id + "/eventstream").body();
    assertThat(sse).contains("event:log").contains("event:completion");
  }

  @Test
  void aTaskWhoseReplicaDiedIsFailedWithTheReason() {
    String id = UUID.randomUUID().toString();
    tasks.insert(
        id, TEMPLATE, "{\"template\":{}}", "{}", "{}", "user:default/guest", "[]", Instant.now());
    jdbc.sql(
            "UPDATE scaffolder_tasks SET status = 'processing', claimed_by = 'dead-replica' WHERE id = ?")
        .param(id)
        .update();
    tasks.expireLease(id);
    Await.until(
        "the abandoned task to fail", Duration.ofSeconds(30), () -> "failed".equals(status(id)));
    assertThat(scaffolder.task(id).error()).contains("replica dead-replica stopped");
    List<TaskEvent> log = scaffolder.events(id, 0);
    assertThat(log.get(log.size() - 1).type()).isEqualTo("completion");
  }

  @Test
  void aTaskCancelledWhileRunningStopsAtTheNextStepBoundary() {
    String id = UUID.randomUUID().toString();
    String template =
        """
        {"apiVersion":"scaffolder.backstage.io/v1beta3","kind":"Template",
         "metadata":{"name":"cancel-me"},"spec":{"steps":[
          {"id":"wait","name":"Wait","action":"debug:wait","input":{"seconds":60}},
          {"id":"after","name":"After","action":"debug:log","input":{"message":"after the wait"}}]}}""";
    tasks.insert(
        id,
        "template:default/cancel-me",
        "{\"template\":" + template + "}",
        "{}",
        "{}",
        "user:default/guest",
        "[{\"id\":\"wait\",\"name\":\"Wait\",\"action\":\"debug:wait\",\"status\":\"open\"},"
            + "{\"id\":\"after\",\"name\":\"After\",\"action\":\"debug:log\",\"status\":\"open\"}]",
        Instant.now());
    Await.until(
        "the wait step to run",
        Duration.ofSeconds(30),
        () -> scaffolder.events(id, 0).toString().contains("Beginning step Wait"));
    Api.Response cancel = api.post("/api/scaffolder/v2/tasks/" + id + "/cancel", "{}");
    assertThat(cancel.status()).isEqualTo(200);
    long asked = System.nanoTime();
    Await.until("the task to stop", Duration.ofSeconds(20), () -> "cancelled".equals(status(id)));
    System.out.println(
        "cancel: task stopped "
            + (System.nanoTime() - asked) / 1_000_000
            + " ms after the request");
    ScaffolderTask task = scaffolder.task(id);
    assertThat(task.steps()).extracting(TaskStep::status).containsExactly("completed", "cancelled");
    List<TaskEvent> log = scaffolder.events(id, 0);
    String messages = log.toString();
    assertThat(messages)
        .contains("Stopped waiting: the task was cancelled")
        .contains("Task cancelled before step 'after'")
        .doesNotContain("after the wait");
    TaskEvent last = log.get(log.size() - 1);
    assertThat(last.type()).isEqualTo("completion");
    assertThat(last.body().path("status").asString()).isEqualTo("cancelled");
  }

  @Test
  void dryRunRendersWithoutSideEffects() throws Exception {
    Path dir = Path.of("../templates/spring-boot-rest-service");
    JsonNode template =
        new tools.jackson.dataformat.yaml.YAMLMapper()
            .readTree(Files.readString(dir.resolve("template.yaml")));
    StringBuilder contents = new StringBuilder("[");
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (contents.length() > 1) {
          contents.append(',');
        }
        contents
            .append("{\"path\":")
            .append(dev.tarmac.shared.Json.write(dir.relativize(p).toString()))
            .append(",\"base64Content\":\"")
            .append(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(p)))
            .append("\"}");
      }
    }
    contents.append(']');
    String body =
        "{\"template\":"
            + template
            + ",\"values\":{\"name\":\"dry-svc\",\"owner\":\"group:default/platform\","
            + "\"repoUrl\":\"git.tarmac.local?owner=dry&repo=dry-svc\"},\"directoryContents\":"
            + contents
            + "}";
    JsonNode result = api.post("/api/scaffolder/v2/dry-run", body).json();
    assertThat(result.path("error").isNull() || result.path("error").isMissingNode())
        .as(result.path("error").toString())
        .isTrue();
    List<String> paths = new ArrayList<>();
    result.path("directoryContents").forEach(f -> paths.add(f.path("path").asString()));
    assertThat(paths)
        .contains(
            "pom.xml",
            "src/main/java/com/example/service/Application.java",
            ".github/workflows/ci.yaml",
            "mkdocs.yml");
    assertThat(result.path("log").toString()).contains("Dry run: would commit");
    assertThat(Path.of("target/it-data/git/dry")).doesNotExist();
    assertThat(catalog.entity(new EntityRef("component", "default", "dry-svc"))).isEmpty();
  }

  @Test
  void fetchReadsSingleFilesFromAllowedHostsAndFailsOtherwise() {
    String port = env.getProperty("local.server.port");
    String template =
        "{\"apiVersion\":\"scaffolder.backstage.io/v1beta3\",\"kind\":\"Template\","
            + "\"metadata\":{\"name\":\"remote\"},\"spec\":{\"steps\":[{\"id\":\"get\",\"action\":\"fetch:plain:file\","
            + "\"input\":{\"url\":\"URL\",\"targetPath\":\"health.json\"}}]}}";
    JsonNode ok =
        api.post(
                "/api/scaffolder/v2/dry-run",
                "{\"template\":"
                    + template.replace("URL", "http://127.0.0.1:" + port + "/actuator/health")
                    + ",\"values\":{}}")
            .json();
    assertThat(ok.path("status").asString()).as(ok.toString()).isEqualTo("completed");
    String content =
        new String(
            java.util.Base64.getDecoder()
                .decode(ok.path("directoryContents").get(0).path("base64Content").asString()));
    assertThat(content).contains("UP");
    JsonNode refused =
        api.post(
                "/api/scaffolder/v2/dry-run",
                "{\"template\":"
                    + template.replace("URL", "http://localhost:" + port + "/actuator/health")
                    + ",\"values\":{}}")
            .json();
    assertThat(refused.path("status").asString()).isEqualTo("failed");
    assertThat(refused.path("error").asString()).contains("Step 'get'").contains("is not allowed");
  }

  private String status(String id) {
    return api.get("/api/scaffolder/v2/tasks/" + id).json().path("status").asString();
  }
}
