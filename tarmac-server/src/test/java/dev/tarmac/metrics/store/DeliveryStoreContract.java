package dev.tarmac.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.DeliveryFacts;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraCalculator;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.Profile;
import dev.tarmac.sdk.delivery.Profiles;
import dev.tarmac.sdk.delivery.Window;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The delivery store's SQL on one database: idempotent inserts and the window reads. */
abstract class DeliveryStoreContract {

  static final Instant NOW = Instant.parse("2024-02-01T00:00:00Z");
  static final Window WINDOW =
      new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"));

  abstract DataSource dataSource();

  abstract String vendor();

  DeliveryStore store() {
    Flyway.configure()
        .dataSource(dataSource())
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
        .load()
        .migrate();
    return new DeliveryStore(new JdbcTemplate(dataSource()));
  }

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  @Test
  void storesIdempotentlyAndReadsTheWindow() {
    DeliveryStore store = store();
    Set<String> known = Set.of("api");
    // c5 arrives before the deployment that ships it (p6, Jan 11 10:00): 120 min.
    store.insertChanges(
        List.of(new Change("c5", "api", t("2024-01-11T08:00"), t("2024-01-11T08:00"), null)),
        known,
        NOW);
    List<Deployment> deployments =
        List.of(
            new Deployment(
                "p0", "api", "production", List.of("c0"), null, t("2023-12-31T23:00"), "success"),
            new Deployment(
                "p1",
                "api",
                "production",
                List.of("c1", "c0"),
                null,
                t("2024-01-02T10:00"),
                "success"),
            new Deployment(
                "p2", "api", "staging", List.of("c2"), null, t("2024-01-03T10:00"), "success"),
            new Deployment(
                "p3", "api", "production", List.of("c2"), null, t("2024-01-09T10:00"), "success"),
            new Deployment(
                "p4", "api", "production", List.of("c3"), null, t("2024-01-10T10:00"), "failure"),
            new Deployment(
                "p5", "api", "production", List.of("c9"), null, t("2024-01-15T00:00"), "success"));
    assertThat(store.insertDeployments(deployments, known, NOW)).isEqualTo(6);
    store.insertDeployments(
        List.of(
            new Deployment(
                "p6", "api", "production", List.of("c5"), null, t("2024-01-11T10:00"), "success")),
        known,
        NOW);
    assertThat(store.insertDeployments(deployments.subList(0, 2), known, NOW)).isZero();
    // A late event that finished earlier than p3 becomes c2's first deployment.
    store.insertDeployments(
        List.of(
            new Deployment(
                "p3early",
                "api",
                "production",
                List.of("c2"),
                null,
                t("2024-01-08T10:00"),
                "success")),
        known,
        NOW);
    List<Change> changes =
        List.of(
            new Change("c0", "api", t("2023-12-31T20:00"), t("2023-12-31T20:00"), null),
            new Change("c1", "api", null, t("2024-01-02T09:00"), null),
            new Change("c2", "api", t("2024-01-08T06:00"), t("2024-01-08T07:00"), null),
            new Change("c3", "api", t("2024-01-10T06:00"), t("2024-01-10T06:00"), null));
    assertThat(store.insertChanges(changes, known, NOW)).isEqualTo(4);
    assertThat(store.insertChanges(changes, known, NOW)).isZero();
    List<Incident> incidents =
        List.of(
            new Incident("n1", "api", t("2024-01-09T11:00"), t("2024-01-09T13:00"), null),
            new Incident("n2", "api", t("2023-12-20T11:00"), null, "p1"),
            new Incident("n3", "api", t("2023-12-20T11:00"), t("2023-12-21T11:00"), "p0"),
            new Incident("n4", "ghost", t("2024-01-05T11:00"), null, null));
    assertThat(store.insertIncidents(incidents, Set.of("api"), NOW)).isEqualTo(4);

    DeliveryFacts facts = store.facts(Set.of("api"), WINDOW);
    // Deployments p1, p3early, p3, p6 (p0 before the window, p2 staging, p4 failed, p5 at the
    // end). Lead times: c0 first shipped by p0 (before the window); c1: 10:00 - 09:00 = 60 min;
    // c2 first shipped by p3early at Jan 8 10:00: 4 h = 240 min; c5 120 min (its change came
    // first); c3 only in the failed p4. Incidents: n1 opened in the window; n2 names window
    // deployment p1; n3 names p0 (outside); n4 is another service's.
    assertThat(facts.sizes()).containsExactly(4, 3, 2);
    assertThat(store.facts(null, WINDOW).sizes()).containsExactly(4, 3, 3);
    assertThat(store.previousSuccessfulHead("api", "production", t("2024-01-09T10:00")))
        .isEqualTo("c2");
    assertThat(store.previousSuccessfulHead("api", "production", t("2024-01-02T10:00")))
        .isEqualTo("c0");
    assertThat(store.unknown(10)).extracting(r -> r[1]).containsExactly("n4");

    DoraReport r = DoraCalculator.aggregate("service:api", facts, WINDOW, Profiles.standard());
    // Deployments p1, p3early, p3, p6 (days Jan 2, 8, 9, 11); n1 -> p3 (latest <= 11:00 Jan 9);
    // n2 -> p1 (named, unresolved). CFR 2/4; recovery: n1 13:00 - 10:00 = 180 min.
    // Lead times 60, 120, 240 -> median 120.
    assertThat(r.deploymentFrequency().deployments()).isEqualTo(4);
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(2);
    assertThat(r.failedDeploymentRecoveryTime().unresolved()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryTime().medianMinutes()).isEqualTo(180.0);
    assertThat(r.changeFailureRate().rate()).isEqualTo(0.5);
    assertThat(r.leadTimeForChanges().medianMinutes()).isEqualTo(120.0);
    // Week of Jan 1: c1 (60); week of Jan 8: c2 (240), c5 (120) -> 180.
    assertThat(r.weekly())
        .extracting(w -> w.changes() + "@" + w.leadTimeMedianMinutes())
        .containsExactly("1@60.0", "2@180.0");
  }

  @Test
  void ofEventsSharingAKeyInOneCallOnlyTheFirstIsStored() {
    DeliveryStore store = store();
    Set<String> known = Set.of("dup");
    // The same deployment id twice in one batch: only the first, and only its commit, is kept.
    Deployment first =
        new Deployment(
            "dup-q1",
            "dup",
            "production",
            List.of("dup-a1"),
            null,
            t("2024-01-02T10:00"),
            "success");
    Deployment again =
        new Deployment(
            "dup-q1",
            "dup",
            "production",
            List.of("dup-a2"),
            null,
            t("2024-01-02T11:00"),
            "success");
    assertThat(store.insertDeployments(List.of(first, again), known, NOW)).isEqualTo(1);
    // The same change twice: one stored; it gives the shipped commit 08:00 -> 10:00 = 7,200 s.
    Change change = new Change("dup-a1", "dup", t("2024-01-02T08:00"), null, null);
    assertThat(store.insertChanges(List.of(change, change), known, NOW)).isEqualTo(1);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource());
    assertThat(
            jdbc.queryForList(
                "SELECT sha FROM delivery_shipped WHERE deployment_id = 'dup-q1'", String.class))
        .containsExactly("dup-a1");
    assertThat(
            jdbc.queryForObject(
                "SELECT lead_s FROM delivery_shipped WHERE sha = 'dup-a1'", Long.class))
        .isEqualTo(7200L);
    assertThat(
            jdbc.queryForObject(
                "SELECT finished_us FROM delivery_deployments WHERE id = 'dup-q1'", Long.class))
        .isEqualTo(DeliveryFacts.micros(t("2024-01-02T10:00")));
  }

  @Test
  void aChangeAndItsDeploymentStoredConcurrentlyStillGiveALeadTime() throws Exception {
    DeliveryStore store = store();
    Set<String> known = Set.of("api");
    // Each transaction misses the other's uncommitted row; the checks after commit make up for
    // it, whichever of the two commits first. c1: 08:00 -> 10:00 = 120 min; c2: 09:00 -> 11:00.
    // Each deployment also gets an incident, opened before the window, that names it.
    for (boolean deploymentFirst : List.of(true, false)) {
      String sha = deploymentFirst ? "c1" : "c2";
      Instant finished = deploymentFirst ? t("2024-01-02T10:00") : t("2024-01-03T11:00");
      try (Connection dc = dataSource().getConnection();
          Connection cc = dataSource().getConnection()) {
        dc.setAutoCommit(false);
        cc.setAutoCommit(false);
        DeliveryStore ds =
            new DeliveryStore(new JdbcTemplate(new SingleConnectionDataSource(dc, true)));
        DeliveryStore cs =
            new DeliveryStore(new JdbcTemplate(new SingleConnectionDataSource(cc, true)));
        DeliveryStore.Pending dp = new DeliveryStore.Pending();
        DeliveryStore.Pending cp = new DeliveryStore.Pending();
        ds.insertDeployments(
            List.of(
                new Deployment(
                    "d-" + sha, "api", "production", List.of(sha), null, finished, "success")),
            known,
            NOW,
            dp);
        cs.insertChanges(
            List.of(new Change(sha, "api", finished.minusSeconds(7200), finished, null)),
            known,
            NOW,
            cp);
        // Opened before the window, naming the deployment: it counts only through the name.
        cs.insertIncidents(
            List.of(new Incident("i-" + sha, "api", t("2023-12-30T10:00"), null, "d-" + sha)),
            known,
            NOW,
            cp);
        Connection first = deploymentFirst ? dc : cc;
        Connection second = deploymentFirst ? cc : dc;
        first.commit();
        (deploymentFirst ? ds : cs).settle(deploymentFirst ? dp : cp);
        first.commit();
        second.commit();
        (deploymentFirst ? cs : ds).settle(deploymentFirst ? cp : dp);
        second.commit();
      }
    }
    DoraReport r =
        DoraCalculator.aggregate(
            "service:api", store.facts(Set.of("api"), WINDOW), WINDOW, Profiles.standard());
    assertThat(r.leadTimeForChanges().changes()).isEqualTo(2);
    assertThat(r.leadTimeForChanges().medianMinutes()).isEqualTo(120.0);
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(2);
    assertThat(r.failedDeploymentRecoveryTime().unresolved()).isEqualTo(2);
  }

  @Test
  void anIncidentNamingALaterDeploymentBelongsToItsWindow() {
    DeliveryStore store = store();
    Set<String> known = Set.of("api");
    // The incident arrives first, opened before the window; the deployment it names, inside the
    // window, later. Another names a deployment that finished before it opened: not this window.
    store.insertIncidents(
        List.of(
            new Incident("e1", "api", t("2023-12-31T22:00"), t("2024-01-02T12:00"), "q1"),
            new Incident("e2", "api", t("2023-12-31T22:00"), null, "q0")),
        known,
        NOW);
    store.insertDeployments(
        List.of(
            new Deployment(
                "q1", "api", "production", List.of(), null, t("2024-01-02T10:00"), "success"),
            new Deployment(
                "q0", "api", "production", List.of(), null, t("2023-12-31T21:00"), "success")),
        known,
        NOW);
    DoraReport r =
        DoraCalculator.aggregate(
            "service:api", store.facts(Set.of("api"), WINDOW), WINDOW, Profiles.standard());
    // e1 -> q1: recovery Jan 2 12:00 - Dec 31 22:00 (opened earlier) = 38 h = 2280 min.
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryTime().incidents()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryTime().medianMinutes()).isEqualTo(2280.0);
  }

  @Test
  void eventsStoredUnderANameTheCatalogLaterKnowsMoveToItsRef() {
    DeliveryStore store = store();
    String ref = "component:default/late";
    // Before the catalog knew it: stored as sent, under "late".
    store.insertChanges(
        List.of(
            new Change("a1", "late", t("2024-01-02T08:00"), t("2024-01-02T08:00"), null),
            new Change("a2", "late", t("2024-01-03T08:00"), t("2024-01-03T08:00"), null)),
        Set.of(),
        NOW);
    store.insertDeployments(
        List.of(
            new Deployment(
                "l1",
                "late",
                "production",
                List.of("a1", "a2"),
                null,
                t("2024-01-03T10:00"),
                "success")),
        Set.of(),
        NOW);
    store.insertIncidents(
        List.of(new Incident("li1", "late", t("2024-01-03T11:00"), t("2024-01-03T12:00"), null)),
        Set.of(),
        NOW);
    store.rememberUnknown(Set.of("late"), NOW);
    // Once known, a change of a1 arrives again under the ref, and an earlier deployment of a1
    // under the ref (Jan 2 09:00): a1 keeps its earlier deployment, and counts once.
    store.insertChanges(
        List.of(new Change("a1", ref, t("2024-01-02T08:00"), t("2024-01-02T08:00"), null)),
        Set.of(ref),
        NOW);
    store.insertDeployments(
        List.of(
            new Deployment(
                "l0", ref, "production", List.of("a1"), null, t("2024-01-02T09:00"), "success")),
        Set.of(ref),
        NOW);
    assertThat(store.facts(Set.of(ref), WINDOW).sizes()).containsExactly(1, 1, 0);
    assertThat(store.unknownNames()).containsExactly("late");

    assertThat(store.adopt("late", ref)).isTrue();
    assertThat(store.adopt("late", ref)).as("done once").isFalse();
    assertThat(store.unknownNames()).isEmpty();
    assertThat(store.unknown(10)).isEmpty();
    DoraReport r =
        DoraCalculator.aggregate(
            "service:late", store.facts(Set.of(ref), WINDOW), WINDOW, Profiles.standard());
    // l0 (Jan 2 09:00) and l1 (Jan 3 10:00); a1: 08:00 -> 09:00 = 60 min; a2: Jan 3 08:00 -> 10:00
    // = 120 min;
    // li1 -> l1: recovery 12:00 - 10:00 = 120 min.
    assertThat(r.deploymentFrequency().deployments()).isEqualTo(2);
    assertThat(r.leadTimeForChanges().changes()).isEqualTo(2);
    assertThat(r.leadTimeForChanges().medianMinutes()).isEqualTo(90.0);
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryTime().medianMinutes()).isEqualTo(120.0);
    assertThat(store.facts(Set.of("late"), WINDOW).sizes()).containsExactly(0, 0, 0);
  }

  @Test
  void windowReadsGiveThePlainCalculatorsReportsOnGeneratedEvents() {
    DeliveryStore store = store();
    Random r = new Random(11);
    List<String> services = List.of("s0", "s1", "s2", "s3", "s4");
    Set<String> known = Set.copyOf(services);
    Instant base = t("2023-12-20T00:00");
    List<Deployment> deployments = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Incident> incidents = new ArrayList<>();
    Map<String, List<String>> shipped = new HashMap<>();
    for (int i = 0; i < 600; i++) {
      String service = services.get(r.nextInt(services.size()));
      Instant finished = base.plusSeconds(60L * r.nextInt(60 * 24 * 40));
      if (r.nextInt(4) == 0) {
        finished = finished.plusNanos(1000L * r.nextInt(1_000_000));
      }
      boolean counts = r.nextInt(6) != 0;
      List<String> shas = new ArrayList<>();
      if (counts) {
        List<String> earlier = shipped.computeIfAbsent(service, k -> new ArrayList<>());
        for (int c = 0, k = r.nextInt(4); c < k; c++) {
          // Mostly new commits; some shipped again (a redeploy, or a deployment listed later
          // that finished earlier).
          String sha =
              !earlier.isEmpty() && r.nextInt(5) == 0
                  ? earlier.get(r.nextInt(earlier.size()))
                  : service + "-c" + i + "-" + c;
          if (!shas.contains(sha)) {
            shas.add(sha);
          }
          if (!earlier.contains(sha)) {
            earlier.add(sha);
            if (r.nextInt(8) != 0) {
              // Authored up to 9 days before this deployment, sometimes after it (dropped).
              Instant authored = finished.minusSeconds(r.nextInt(86400 * 9) - 3600L);
              changes.add(
                  new Change(
                      sha,
                      service,
                      r.nextInt(5) == 0 ? null : authored,
                      authored.plusSeconds(45),
                      null));
            }
          }
        }
      }
      String env = counts || r.nextBoolean() ? "production" : "staging";
      String status = counts || env.equals("staging") ? "success" : "failure";
      deployments.add(
          new Deployment(String.format("d%04d", i), service, env, shas, null, finished, status));
    }
    for (int i = 0; i < 200; i++) {
      String service = services.get(r.nextInt(services.size()));
      List<Deployment> own = deployments.stream().filter(d -> d.service().equals(service)).toList();
      Instant opened =
          r.nextInt(3) == 0
              ? own.get(r.nextInt(own.size())).finishedAt()
              : base.plusSeconds(r.nextInt(86400 * 40)).plusNanos(1000L * r.nextInt(1000));
      Instant resolved = r.nextInt(6) == 0 ? null : opened.plusSeconds(r.nextInt(86400 * 3));
      // Named causes: one of its own deployments (counting or not, in the window or not,
      // finished before or after it opened), or an id nobody sent.
      String cause =
          switch (r.nextInt(5)) {
            case 0, 1 -> own.get(r.nextInt(own.size())).id();
            case 2 -> "nobody-" + i;
            default -> null;
          };
      incidents.add(new Incident("n" + i, service, opened, resolved, cause));
    }
    // Stored in small batches in a shuffled order: changes before and after their deployments,
    // incidents before and after the deployments they name.
    List<Runnable> batches = new ArrayList<>();
    for (int i = 0; i < deployments.size(); i += 40) {
      List<Deployment> part = deployments.subList(i, Math.min(deployments.size(), i + 40));
      batches.add(() -> store.insertDeployments(part, known, NOW));
    }
    for (int i = 0; i < changes.size(); i += 40) {
      List<Change> part = changes.subList(i, Math.min(changes.size(), i + 40));
      batches.add(() -> store.insertChanges(part, known, NOW));
    }
    for (int i = 0; i < incidents.size(); i += 40) {
      List<Incident> part = incidents.subList(i, Math.min(incidents.size(), i + 40));
      batches.add(() -> store.insertIncidents(part, known, NOW));
    }
    Collections.shuffle(batches, r);
    batches.forEach(Runnable::run);

    List<Window> windows =
        List.of(
            new Window(t("2024-01-01T00:00"), t("2024-01-22T00:00")),
            new Window(
                deployments.get(7).finishedAt(),
                deployments.get(9).finishedAt().plusSeconds(864000)),
            new Window(t("2023-12-25T12:00"), t("2024-02-05T00:00")));
    List<Set<String>> scopes = Arrays.asList(null, Set.of("s1", "s3"), Set.of("s2"));
    int compared = 0;
    for (Window w : windows) {
      if (!w.from().isBefore(w.to())) {
        continue;
      }
      for (Set<String> scope : scopes) {
        for (Profile profile :
            List.of(Profiles.standard(), Profiles.named("dora-2021").orElseThrow())) {
          DoraReport expected =
              DoraCalculator.compute(
                  "x",
                  deployments.stream()
                      .filter(d -> scope == null || scope.contains(d.service()))
                      .toList(),
                  changes.stream()
                      .filter(c -> scope == null || scope.contains(c.service()))
                      .toList(),
                  // The server reads incidents opened before the window ends: a window's figures
                  // do not change when later incidents arrive.
                  incidents.stream()
                      .filter(i -> scope == null || scope.contains(i.service()))
                      .filter(i -> i.openedAt().isBefore(w.to()))
                      .toList(),
                  w,
                  profile);
          assertThat(DoraCalculator.aggregate("x", store.facts(scope, w), w, profile))
              .as("%s over %s", scope, w)
              .isEqualTo(expected);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(12);
  }

  @Test
  void anIncidentNamingAnotherServicesDeploymentDoesNotCountForItsOwn() {
    DeliveryStore store = store();
    store.insertDeployments(
        List.of(
            new Deployment(
                "a1", "api", "production", List.of(), null, t("2024-01-02T10:00"), "success"),
            new Deployment(
                "w1", "web", "production", List.of(), null, t("2024-01-02T11:00"), "success")),
        Set.of("api", "web"),
        NOW);
    // The api incident names web's deployment: attributed to w1, not to a1 (the latest of api).
    store.insertIncidents(
        List.of(new Incident("x1", "api", t("2024-01-02T12:00"), t("2024-01-02T13:00"), "w1")),
        Set.of("api"),
        NOW);
    DoraReport api =
        DoraCalculator.aggregate(
            "service:api", store.facts(Set.of("api"), WINDOW), WINDOW, Profiles.standard());
    assertThat(api.changeFailureRate().failedDeployments()).isZero();
    assertThat(api.failedDeploymentRecoveryTime().incidents()).isZero();
    // Time to restore counts every incident of the service opened in the window: 60 min.
    assertThat(api.timeToRestoreService().medianMinutes()).isEqualTo(60.0);
    DoraReport both =
        DoraCalculator.aggregate("org", store.facts(null, WINDOW), WINDOW, Profiles.standard());
    assertThat(both.changeFailureRate().failedDeployments()).isEqualTo(1);
    // Recovery: 13:00 - min(11:00 finished, 12:00 opened) = 120 min.
    assertThat(both.failedDeploymentRecoveryTime().medianMinutes()).isEqualTo(120.0);
  }

  @Test
  void moreLeadTimesInAnHourThanOneH2ArrayHoldsAreStillRead() {
    DeliveryStore store = store();
    int n = 70_000;
    List<String> shas = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Instant deployed = t("2024-01-03T10:00");
    for (int i = 0; i < n; i++) {
      String sha = "big" + i;
      shas.add(sha);
      // Lead time 1000 + i seconds.
      Instant start = deployed.minusSeconds(1000 + i);
      changes.add(new Change(sha, "big", start, start, null));
    }
    store.insertChanges(changes, Set.of("big"), NOW);
    store.insertDeployments(
        List.of(new Deployment("b1", "big", "production", shas, null, deployed, "success")),
        Set.of("big"),
        NOW);
    DoraReport r =
        DoraCalculator.aggregate("org", store.facts(null, WINDOW), WINDOW, Profiles.standard());
    // Middle values 35,999 and 36,000 s: median 35,999.5 s = 599.99 min; lower 599.98 min.
    assertThat(r.leadTimeForChanges().changes()).isEqualTo(n);
    assertThat(r.leadTimeForChanges().medianMinutes()).isEqualTo(599.99);
    assertThat(r.leadTimeForChanges().lowerMedianMinutes()).isEqualTo(599.98);
  }
}
