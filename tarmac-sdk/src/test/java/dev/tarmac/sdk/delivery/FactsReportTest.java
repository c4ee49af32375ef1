package dev.tarmac.sdk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts-based computation gives the same reports as the former Instant-based one on generated
 * data sets: several services, failed and staging deployments, ties in finishing time, incidents
 * naming counting, failed, unknown and out-of-window deployments, unresolved ones, events at and
 * across both window edges, and partial weeks and months.
 */
class FactsReportTest {

  static final Instant BASE = Instant.parse("2024-01-03T07:00:00Z");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void matchesTheReferenceCalculator(long seed) {
    Random r = new Random(seed);
    List<Deployment> deployments = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Incident> incidents = new ArrayList<>();
    int services = 1 + r.nextInt(6);
    int count = 20 + r.nextInt(400);
    for (int i = 0; i < count; i++) {
      String service = "svc-" + r.nextInt(services);
      // Whole minutes mostly, so that ties happen; sometimes microseconds.
      Instant finished = BASE.plusSeconds(60L * r.nextInt(60 * 24 * 40));
      if (r.nextInt(5) == 0) {
        finished = finished.plusNanos(1000L * r.nextInt(1_000_000));
      }
      String env = r.nextInt(8) == 0 ? "staging" : "production";
      String status = r.nextInt(7) == 0 ? (r.nextBoolean() ? "failure" : "cancelled") : "success";
      List<String> shas = new ArrayList<>();
      for (int c = 0, k = r.nextInt(4); c < k; c++) {
        String sha = service + "-c" + r.nextInt(count * 2);
        shas.add(sha);
        Instant authored = finished.minusSeconds(r.nextInt(86400 * 9) - 3600);
        changes.add(
            new Change(
                sha, service, r.nextInt(6) == 0 ? null : authored, authored.plusSeconds(30), null));
      }
      // Ids sort as the deployments are listed: the former calculator took the last listed of
      // equal finishing times as the latest, the present one takes the greatest id.
      deployments.add(
          new Deployment(String.format("d%04d", i), service, env, shas, null, finished, status));
    }
    for (int i = 0, k = r.nextInt(150); i < k; i++) {
      String service = "svc-" + r.nextInt(services + 1);
      // Some open exactly when a deployment finished (attribution takes finished <= opened).
      Instant opened =
          r.nextInt(3) == 0
              ? deployments.get(r.nextInt(count)).finishedAt()
              : BASE.plusSeconds(r.nextInt(86400 * 40)).plusNanos(1000L * r.nextInt(1000));
      Instant resolved =
          r.nextInt(6) == 0
              ? null
              : opened.plusSeconds(r.nextInt(86400 * 3)).plusMillis(r.nextInt(999));
      String cause =
          switch (r.nextInt(6)) {
            case 0 -> String.format("d%04d", r.nextInt(count));
            case 1 -> "unknown-" + i;
            default -> null;
          };
      incidents.add(new Incident("i" + i, service, opened, resolved, cause));
    }
    // Window edges on a deployment's finish, or between microseconds.
    Instant from =
        switch (r.nextInt(3)) {
          case 0 -> deployments.get(r.nextInt(count)).finishedAt();
          case 1 -> BASE.plusSeconds(86400L * r.nextInt(10)).plusNanos(r.nextInt(1_000_000_000));
          default -> BASE.plusSeconds(86400L * r.nextInt(10) + r.nextInt(3) * 3600L);
        };
    Instant to =
        r.nextBoolean()
            ? from.plusSeconds(86400L * (3 + r.nextInt(30)) + r.nextInt(5))
            : deployments.get(r.nextInt(count)).finishedAt().plusNanos(r.nextInt(2) * 500);
    if (!to.isAfter(from)) {
      to = from.plusSeconds(86400L * 20);
    }
    Window window = new Window(from, to);
    for (Profile profile :
        List.of(Profiles.standard(), Profiles.named("dora-2021").orElseThrow())) {
      List<LeadTimes.Sample> lead = LeadTimes.of(deployments, changes, window);
      DoraReport expected =
          ReferenceCalculator.aggregate("org", deployments, lead, incidents, window, profile);
      assertThat(DoraCalculator.compute("org", deployments, changes, incidents, window, profile))
          .isEqualTo(expected);
    }
  }

  @Test
  void ofDeploymentsFinishedTogetherTheGreatestIdIsTheLatest() {
    Instant ten = Instant.parse("2024-01-02T10:00:00Z");
    List<Deployment> deployments =
        List.of(
            new Deployment("a-2", "api", "production", List.of(), null, ten, "success"),
            new Deployment("a-1", "api", "production", List.of(), null, ten, "success"));
    // x names a-2; y names none, so takes the latest at or before 11:00: a-2 again (not a-1, the
    // last listed). One failed deployment of two.
    List<Incident> incidents =
        List.of(
            new Incident("x", "api", ten.plusSeconds(600), null, "a-2"),
            new Incident("y", "api", ten.plusSeconds(3600), null, null));
    Window w =
        new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-08T00:00:00Z"));
    DoraReport r =
        DoraCalculator.compute("org", deployments, List.of(), incidents, w, Profiles.standard());
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(r.changeFailureRate().rate()).isEqualTo(0.5);
  }
}
