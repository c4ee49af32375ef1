package dev.tarmac.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.tarmac.metrics.ops.DeliveryGauges;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** The delivery API end to end on the embedded default (H2): intake, metrics, errors, webhooks. */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryApiIT {

  static final Path CATALOG =
      Path.of("src/test/resources/fixtures/dora/catalog/catalog-info.yaml").toAbsolutePath();
  static final String WINDOW = "&from=2024-01-01T00:00:00Z&to=2024-01-15T00:00:00Z";

  @Autowired Environment env;
  @Autowired DeliveryGauges gauges;
  @Autowired DeliveryMetrics metrics;
  Api api;

  @BeforeAll
  void registerComponents() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    Api.Response r =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + CATALOG + "\"}");
    assertThat(r.status()).as(r.body()).isIn(201, 409);
    Await.until(
        "the delivery components to be in the catalog",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/catalog/entities/by-name/component/default/delivery-web").status() == 200
                && api.get("/api/catalog/entities/by-name/component/default/delivery-api").status()
                    == 200);
  }

  @Test
  void eventsOfTwoServicesGiveServiceAndPooledTeamMetrics() {
    // delivery-api: a1 ships s1 (authored 08:00, deployed 10:00: 120 min); a2 failed;
    // incident ia1 opened 11:00 -> latest deployment a1 -> recovery 12:00 - 10:00 = 120 min.
    Api.Response d =
        api.post(
            "/api/delivery/deployments",
            """
            [{"id":"it-a1","service":"delivery-api","environment":"production","commitShas":["s1"],
              "startedAt":"2024-01-02T09:50:00Z","finishedAt":"2024-01-02T10:00:00Z","status":"success"},
             {"id":"it-a2","service":"delivery-api","environment":"production","commitShas":["s9"],
              "finishedAt":"2024-01-03T10:00:00Z","status":"failure"},
             {"id":"it-w1","service":"component:default/delivery-web","environment":"production",
              "commitShas":["s2"],"finishedAt":"2024-01-09T10:00:00Z","status":"success"},
             {"id":"it-w2","service":"delivery-web","environment":"staging",
              "commitShas":["s3"],"finishedAt":"2024-01-09T11:00:00Z","status":"success"}]
            """);
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    assertThat(d.json().path("accepted").asInt()).isEqualTo(4);
    api.post(
        "/api/delivery/changes",
        """
        [{"sha":"s1","service":"delivery-api","authoredAt":"2024-01-02T08:00:00Z",
          "committedAt":"2024-01-02T08:05:00Z","pr":{"id":"7","openedAt":"2024-01-02T08:10:00Z",
          "mergedAt":"2024-01-02T09:00:00Z"}},
         {"sha":"s2","service":"delivery-web","committedAt":"2024-01-09T06:00:00Z"},
         {"sha":"s3","service":"delivery-web","committedAt":"2024-01-09T07:00:00Z"}]
        """);
    api.post(
        "/api/delivery/incidents",
        """
        {"id":"it-ia1","service":"delivery-api","openedAt":"2024-01-02T11:00:00Z",
         "resolvedAt":"2024-01-02T12:00:00Z"}
        """);

    JsonNode api1 = api.get("/api/delivery/metrics?scope=service:delivery-api" + WINDOW).json();
    assertThat(api1.path("scope").asString()).isEqualTo("service:delivery-api");
    assertThat(api1.path("profile").asString()).isEqualTo("dora-2023");
    assertThat(api1.path("deploymentFrequency").path("deployments").asInt()).isEqualTo(1);
    assertThat(api1.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(120.0);
    assertThat(api1.path("changeFailureRate").path("rate").asDouble()).isEqualTo(1.0);
    assertThat(api1.path("failedDeploymentRecoveryTime").path("medianMinutes").asDouble())
        .isEqualTo(120.0);
    assertThat(api1.path("timeToRestoreService").path("medianMinutes").asDouble()).isEqualTo(60.0);

    // Team: pooled events of both services: deployments a1, w1 (days Jan 2 and Jan 9: one per
    // week -> high); lead times 120 and 240 -> 180 (elite); CFR 1/2 = 0.5 (low).
    JsonNode team = api.get("/api/delivery/metrics?scope=team:dora-team" + WINDOW).json();
    JsonNode df = team.path("deploymentFrequency");
    assertThat(df.path("deployments").asInt()).isEqualTo(2);
    assertThat(df.path("deploymentDays").asInt()).isEqualTo(2);
    assertThat(df.path("deploymentsPerWeek").asDouble()).isEqualTo(1.0);
    assertThat(df.path("medianDeploymentDaysPerWeek").asDouble()).isEqualTo(1.0);
    assertThat(df.path("medianDeploymentDaysPerMonth").asDouble()).isEqualTo(2.0);
    assertThat(df.path("band").asString()).isEqualTo("high");
    assertThat(team.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(2);
    assertThat(team.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(180.0);
    assertThat(team.path("leadTimeForChanges").path("band").asString()).isEqualTo("elite");
    assertThat(team.path("changeFailureRate").path("failedDeployments").asInt()).isEqualTo(1);
    assertThat(team.path("changeFailureRate").path("rate").asDouble()).isEqualTo(0.5);
    assertThat(team.path("changeFailureRate").path("band").asString()).isEqualTo("low");
    assertThat(team.path("failedDeploymentRecoveryTime").path("incidents").asInt()).isEqualTo(1);
    assertThat(team.path("failedDeploymentRecoveryTime").path("unresolved").asInt()).isZero();
    assertThat(team.path("weekly")).hasSize(2);
    assertThat(team.path("weekly").get(1).path("weekStart").asString()).isEqualTo("2024-01-08");
    assertThat(fieldNames(team))
        .contains(
            "scope",
            "from",
            "to",
            "profile",
            "deploymentFrequency",
            "leadTimeForChanges",
            "changeFailureRate",
            "failedDeploymentRecoveryTime",
            "timeToRestoreService",
            "weekly");

    JsonNode old =
        api.get("/api/delivery/metrics?scope=team:dora-team&profile=dora-2021" + WINDOW).json();
    assertThat(old.path("profile").asString()).isEqualTo("dora-2021");

    gauges.refresh();
    String prometheus = api.get("/actuator/prometheus").body();
    assertThat(prometheus).contains("tarmac_delivery_deployments_per_week{team=\"dora-team\"}");
  }

  @Test
  void teamGaugesFollowNewEvents() {
    gauges.refresh();
    double before = deploymentsPerWeek("dora-team");
    gauges.refresh(); // nothing new: the figures stay as they are
    assertThat(deploymentsPerWeek("dora-team")).isEqualTo(before);
    // Two weeks ago lies inside the default window, the last 12 full ISO weeks.
    String finished = Instant.now().minus(Duration.ofDays(14)).toString();
    Api.Response d =
        api.post(
            "/api/delivery/deployments",
            "{\"id\":\"it-gauge-1\",\"service\":\"delivery-api\",\"environment\":\"production\","
                + "\"commitShas\":[\"g1\"],\"finishedAt\":\""
                + finished
                + "\",\"status\":\"success\"}");
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    gauges.refresh();
    // One more deployment in 12 weeks (the report rounds to two decimals).
    assertThat(deploymentsPerWeek("dora-team")).isCloseTo(before + 1.0 / 12, within(0.006));
  }

  @Test
  void everyTeamsReportIsReadInBulkAsEachTeamsOwn() {
    // A fortnight of 2022 that only this test writes to, and one of 2019 in which nothing
    // happened anywhere, where no team's facts are read at all.
    Api.Response d =
        api.post(
            "/api/delivery/deployments",
            "{\"id\":\"it-bulk-1\",\"service\":\"delivery-api\",\"environment\":\"production\","
                + "\"commitShas\":[\"b1\"],\"finishedAt\":\"2022-03-08T10:00:00Z\","
                + "\"status\":\"success\"}");
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    Set<String> teams = metrics.teams().keySet();
    assertThat(teams).contains("dora-team");
    Map<String, DoraReport> busy = sameAsEachTeamsOwn(teams, "2022-03-07", "2022-03-21");
    assertThat(busy.get("dora-team").deploymentFrequency().deployments()).isEqualTo(1);
    Map<String, DoraReport> quiet = sameAsEachTeamsOwn(teams, "2019-06-03", "2019-06-17");
    assertThat(quiet.get("dora-team").deploymentFrequency().deployments()).isZero();
  }

  private Map<String, DoraReport> sameAsEachTeamsOwn(Set<String> teams, String from, String to) {
    Instant start = Instant.parse(from + "T00:00:00Z");
    Instant end = Instant.parse(to + "T00:00:00Z");
    Map<String, DoraReport> bulk = metrics.teamReports(teams, start, end);
    assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(teams);
    for (String team : teams) {
      assertThat(bulk.get(team))
          .as(team + " from " + from)
          .isEqualTo(metrics.report("team:" + team, start, end, null));
    }
    return bulk;
  }

  private double deploymentsPerWeek(String team) {
    String prefix = "tarmac_delivery_deployments_per_week{team=\"" + team + "\"} ";
    return api.get("/actuator/prometheus")
        .body()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void duplicatesAreAcknowledgedAndIgnored() {
    String body =
        """
        {"id":"it-dup","service":"delivery-api","environment":"production",
         "finishedAt":"2023-06-01T10:00:00Z","status":"success"}
        """;
    assertThat(api.post("/api/delivery/deployments", body).json().path("accepted").asInt())
        .isEqualTo(1);
    JsonNode again = api.post("/api/delivery/deployments", body).json();
    assertThat(again.path("accepted").asInt()).isZero();
    assertThat(again.path("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void unknownServicesAreKeptAndReported() {
    JsonNode r =
        api.post(
                "/api/delivery/incidents",
                """
                {"id":"it-ghost","service":"ghost-service","openedAt":"2023-06-01T10:00:00Z"}
                """)
            .json();
    assertThat(r.path("accepted").asInt()).isEqualTo(1);
    assertThat(r.path("unknownServices").get(0).asString()).isEqualTo("ghost-service");
    JsonNode listed = api.get("/api/delivery/unknown-services").json();
    assertThat(listed.toString()).contains("\"id\":\"it-ghost\"", "\"service\":\"ghost-service\"");
  }

  @Test
  void eventsOfAServiceRegisteredLaterCountOnceTheCatalogKnowsIt() throws Exception {
    // The services view is read now, before the component exists.
    assertThat(metrics.teams()).doesNotContainKey("late-team");
    JsonNode early =
        api.post(
                "/api/delivery/deployments",
                """
                {"id":"it-late1","service":"late-service","environment":"production",
                 "commitShas":["l1"],"finishedAt":"2024-01-03T10:00:00Z","status":"success"}
                """)
            .json();
    assertThat(early.path("unknownServices").toString()).contains("late-service");
    api.post(
        "/api/delivery/changes",
        """
        {"sha":"l1","service":"late-service","committedAt":"2024-01-03T09:00:00Z"}
        """);
    registerComponent("late-service", "late-team", null);
    // The catalog's change event re-reads the view at once (it would otherwise be kept 30 s).
    Await.until(
        "late-team among the delivery teams",
        Duration.ofSeconds(3),
        () -> metrics.teams().containsKey("late-team"));
    // Registered a moment ago: known, not an unknown service.
    JsonNode now =
        api.post(
                "/api/delivery/deployments",
                """
                {"id":"it-late2","service":"late-service","environment":"production",
                 "finishedAt":"2024-01-10T10:00:00Z","status":"success"}
                """)
            .json();
    assertThat(now.path("accepted").asInt()).isEqualTo(1);
    assertThat(now.path("unknownServices").size()).isZero();
    // The events stored before now count for the component: it-late1 and it-late2 (days Jan 3
    // and Jan 10); l1: 09:00 -> 10:00 = 60 min.
    Await.until(
        "the early events to count for late-service",
        Duration.ofSeconds(10),
        () ->
            api.get("/api/delivery/metrics?scope=team:late-team" + WINDOW)
                    .json()
                    .path("deploymentFrequency")
                    .path("deployments")
                    .asInt()
                == 2);
    JsonNode service = api.get("/api/delivery/metrics?scope=service:late-service" + WINDOW).json();
    assertThat(service.path("deploymentFrequency").path("deployments").asInt()).isEqualTo(2);
    assertThat(service.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(1);
    assertThat(service.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(60.0);
    assertThat(api.get("/api/delivery/unknown-services?limit=1000").body())
        .doesNotContain("late-service");
  }

  @Test
  void badInputIsA400NamingTheFieldAndStoresNothing() {
    assertProblem(api.post("/api/delivery/changes", "{\"sha\": "), "$");
    assertProblem(
        api.post(
            "/api/delivery/deployments",
            """
            [{"id":"it-bad-1","service":"delivery-api","environment":"production",
              "finishedAt":"2023-07-01T10:00:00Z","status":"success"},
             {"id":"it-bad-2","service":"delivery-api","environment":"production","status":"success"}]
            """),
        "[1].finishedAt");
    assertProblem(
        api.post(
            "/api/delivery/incidents",
            "{\"id\":\"x\",\"service\":\"delivery-api\",\"openedAt\":\"2024-01-02T10:00:00\"}"),
        "openedAt");
    assertProblem(
        api.post(
            "/api/delivery/incidents",
            "{\"id\":\"x\",\"service\":\"delivery-api\",\"openedAt\":\"2024-01-02T10:00:00Z\","
                + "\"resolvedAt\":\"2024-01-02T09:00:00Z\"}"),
        "resolvedAt");
    assertProblem(
        api.post(
            "/api/delivery/events",
            "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"ci\",\"type\":\"com.example.build\",\"data\":{}}",
            "application/cloudevents+json"),
        "type");
    assertProblem(api.get("/api/delivery/metrics?scope=planet:earth"), "scope");
    assertProblem(api.get("/api/delivery/metrics?profile=dora-1999"), "profile");
    // The batch's valid first event was not stored: sending it alone is new.
    JsonNode alone =
        api.post(
                "/api/delivery/deployments",
                """
                {"id":"it-bad-1","service":"delivery-api","environment":"production",
                 "finishedAt":"2023-07-01T10:00:00Z","status":"success"}
                """)
            .json();
    assertThat(alone.path("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void cloudEventsStructuredAndBatch() {
    String one =
        """
        {"specversion":"1.0","id":"ce-1","source":"/ci","type":"dev.tarmac.delivery.deployment",
         "data":{"id":"it-ce-1","service":"delivery-api","environment":"production",
                 "finishedAt":"2023-08-01T10:00:00Z","status":"success"}}
        """;
    Api.Response r = api.post("/api/delivery/events", one, "application/cloudevents+json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("accepted").asInt()).isEqualTo(1);
    String batch =
        """
        [{"specversion":"1.0","id":"ce-2","source":"/git","type":"dev.tarmac.delivery.change",
          "data":{"sha":"ce-sha","service":"delivery-api","committedAt":"2023-08-01T09:00:00Z"}},
         {"specversion":"1.0","id":"ce-3","source":"/pager","type":"dev.tarmac.delivery.incident",
          "data":{"id":"it-ce-3","service":"delivery-api","openedAt":"2023-08-01T11:00:00Z"}}]
        """;
    r = api.post("/api/delivery/events", batch, "application/cloudevents-batch+json");
    assertThat(r.json().path("accepted").asInt()).isEqualTo(2);
    assertProblem(
        api.post(
            "/api/delivery/events",
            "[{\"type\":\"dev.tarmac.delivery.change\",\"data\":{}}]",
            "application/cloudevents-batch+json"),
        "[0].data.sha");
  }

  @Test
  void gitLabWebhooksNeedTheToken() {
    String push =
        """
        {"object_kind":"push","project":{"name":"delivery-api","path_with_namespace":"acme/delivery-api"},
         "commits":[{"id":"gl-1","timestamp":"2023-09-01T10:00:00+02:00"}]}
        """;
    assertThat(
            api.post(
                    "/api/delivery/webhooks/gitlab",
                    push,
                    "application/json",
                    "X-Gitlab-Token",
                    "wrong")
                .status())
        .isEqualTo(401);
    Api.Response ok =
        api.post(
            "/api/delivery/webhooks/gitlab",
            push,
            "application/json",
            "X-Gitlab-Token",
            "it-gitlab-token");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("accepted").asInt()).isEqualTo(1);
    String deployment =
        """
        {"object_kind":"deployment","status":"success","status_changed_at":"2023-09-01 12:00:00 +0200",
         "deployment_id":15,"environment":"production","short_sha":"gl-1",
         "project":{"name":"delivery-api","path_with_namespace":"acme/delivery-api"}}
        """;
    ok =
        api.post(
            "/api/delivery/webhooks/gitlab",
            deployment,
            "application/json",
            "X-Gitlab-Token",
            "it-gitlab-token");
    assertThat(ok.json().path("accepted").asInt()).isEqualTo(1);
    JsonNode m =
        api.get(
                "/api/delivery/metrics?scope=service:delivery-api&from=2023-09-01T00:00:00Z&to=2023-09-02T00:00:00Z")
            .json();
    // Pushed 10:00+02:00 = 08:00Z, deployed 12:00+02:00 = 10:00Z: 120 minutes.
    assertThat(m.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(120.0);
  }

  @Test
  void gitHubWebhooksCheckTheSignature() throws Exception {
    String push =
        """
        {"repository":{"name":"delivery-api","full_name":"acme/delivery-api"},
         "commits":[{"id":"gh-1","timestamp":"2023-10-01T08:00:00Z"}]}
        """;
    assertThat(
            api.post(
                    "/api/delivery/webhooks/github",
                    push,
                    "application/json",
                    "X-GitHub-Event",
                    "push",
                    "X-Hub-Signature-256",
                    "sha256=" + "00".repeat(32))
                .status())
        .isEqualTo(401);
    assertThat(
            api.post(
                    "/api/delivery/webhooks/github",
                    push,
                    "application/json",
                    "X-GitHub-Event",
                    "push")
                .status())
        .isEqualTo(401);
    Api.Response ok =
        api.post(
            "/api/delivery/webhooks/github",
            push,
            "application/json",
            "X-GitHub-Event",
            "push",
            "X-Hub-Signature-256",
            sign(push));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("accepted").asInt()).isEqualTo(1);
    String status =
        """
        {"deployment_status":{"state":"success","created_at":"2023-10-01T09:30:00Z"},
         "deployment":{"id":42,"sha":"gh-1","environment":"production","created_at":"2023-10-01T09:00:00Z"},
         "repository":{"name":"delivery-api","full_name":"acme/delivery-api"}}
        """;
    ok =
        api.post(
            "/api/delivery/webhooks/github",
            status,
            "application/json",
            "X-GitHub-Event",
            "deployment_status",
            "X-Hub-Signature-256",
            sign(status));
    assertThat(ok.json().path("accepted").asInt()).isEqualTo(1);
    JsonNode m =
        api.get(
                "/api/delivery/metrics?scope=service:delivery-api&from=2023-10-01T00:00:00Z&to=2023-10-02T00:00:00Z")
            .json();
    assertThat(m.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(90.0);
  }

  @Test
  void aHeadOnlyDeploymentGetsItsRangeFromTheComponentsRepository() throws Exception {
    Path repo = Files.createTempDirectory("tarmac-dora-git");
    List<String> shas = GitFixture.linearHistory(repo, 3, "2024-03-01T08:00:00Z");
    registerComponent("delivery-git", "dora-team", repo.toAbsolutePath().toString());
    // Commits at 08:00, 09:00, 10:00. First deployment ships c0 (head c0, no predecessor); the
    // second names only head c2, so its range is c0..c2 = c2, c1.
    post("g1", shas.get(0), "2024-03-01T08:30:00Z");
    post("g2", shas.get(2), "2024-03-01T11:00:00Z");
    for (int i = 0; i < 3; i++) {
      api.post(
          "/api/delivery/changes",
          "{\"sha\":\"%s\",\"service\":\"delivery-git\",\"committedAt\":\"2024-03-01T%02d:00:00Z\"}"
              .formatted(shas.get(i), 8 + i));
    }
    JsonNode m =
        api.get(
                "/api/delivery/metrics?scope=service:delivery-git&from=2024-03-01T00:00:00Z&to=2024-03-02T00:00:00Z")
            .json();
    // c0: 30 min; c1: 11:00 - 09:00 = 120; c2: 60 -> median 60.
    assertThat(m.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(3);
    assertThat(m.path("leadTimeForChanges").path("medianMinutes").asDouble()).isEqualTo(60.0);
  }

  @Test
  void aRepositoryOnAHostNotAllowedIsNeverContacted() throws Exception {
    // The tests allow 127.0.0.1 only, so this loopback server named as localhost must see nothing.
    AtomicInteger requests = new AtomicInteger();
    HttpServer git =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    git.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    git.start();
    try {
      registerComponent(
          "delivery-refused",
          "dora-team",
          "http://localhost:%d/acme/refused.git".formatted(git.getAddress().getPort()));
      String head = "1".repeat(40);
      String earlier = "2".repeat(40);
      for (String sha : List.of(earlier, head)) {
        api.post(
            "/api/delivery/changes",
            "{\"sha\":\"%s\",\"service\":\"delivery-refused\",\"committedAt\":\"2024-04-01T08:00:00Z\"}"
                .formatted(sha));
      }
      Api.Response r =
          api.post(
              "/api/delivery/deployments",
              "{\"id\":\"r1\",\"service\":\"delivery-refused\",\"environment\":\"production\",\"commitShas\":[\"%s\"],\"finishedAt\":\"2024-04-01T09:00:00Z\",\"status\":\"success\"}"
                  .formatted(head));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode m =
          api.get(
                  "/api/delivery/metrics?scope=service:delivery-refused&from=2024-04-01T00:00:00Z&to=2024-04-02T00:00:00Z")
              .json();
      // The range cannot be read, so the deployment ships its head commit alone.
      assertThat(m.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(1);
      assertThat(requests.get()).isZero();
    } finally {
      git.stop(0);
    }
  }

  /**
   * Registers a service component through a catalog file of its own, with a {@code
   * tarmac.dev/git-url} when {@code gitUrl} is given, and waits until the catalog serves it.
   */
  private void registerComponent(String name, String owner, String gitUrl) throws Exception {
    Path yaml = Files.createTempDirectory(name).resolve("catalog-info.yaml");
    String annotations =
        gitUrl == null ? "" : "  annotations:\n    tarmac.dev/git-url: " + gitUrl + "\n";
    Files.writeString(
        yaml,
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: %s
        %sspec:
          type: service
          lifecycle: production
          owner: %s
        """
            .formatted(name, annotations, owner));
    Api.Response r =
        api.post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + yaml + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Await.until(
        name + " in the catalog",
        Duration.ofSeconds(60),
        () -> api.get("/api/catalog/entities/by-name/component/default/" + name).status() == 200);
  }

  private void post(String id, String head, String finished) {
    Api.Response r =
        api.post(
            "/api/delivery/deployments",
            "{\"id\":\"%s\",\"service\":\"delivery-git\",\"environment\":\"production\",\"commitShas\":[\"%s\"],\"finishedAt\":\"%s\",\"status\":\"success\"}"
                .formatted(id, head, finished));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("it-github-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private void assertProblem(Api.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("field").asString()).as(r.body()).isEqualTo(field);
    assertThat(p.path("detail").asString()).contains(field);
    assertThat(p.path("title").asString()).isNotBlank();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = n.propertyNames().iterator(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
