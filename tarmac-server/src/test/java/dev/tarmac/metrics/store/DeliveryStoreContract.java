package dev.tarmac.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.DoraCalculator;
import dev.tarmac.sdk.delivery.DoraReport;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.Profiles;
import dev.tarmac.sdk.delivery.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

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

    List<Deployment> window =
        new ArrayList<>(store.deployments(Set.of("api"), WINDOW.from(), WINDOW.to()));
    assertThat(window)
        .extracting(Deployment::id)
        .containsExactlyInAnyOrder("p1", "p3early", "p3", "p6");
    var lead = store.leadTimes(Set.of("api"), WINDOW.from(), WINDOW.to());
    // c0 first shipped by p0 (before the window); c1: 10:00 - 09:00 = 60 min; c2 first shipped
    // by p3early at Jan 8 10:00: 4 h = 240 min; c3 only in the failed p4.
    assertThat(lead)
        .extracting(s -> s.sha() + "=" + s.seconds() / 60)
        .containsExactlyInAnyOrder("c1=60", "c2=240", "c5=120");
    List<Incident> scoped = store.incidents(Set.of("api"), WINDOW.from(), WINDOW.to());
    // n1 opened in the window; n2 names window deployment p1; n3 names p0 (outside); n4 other
    // service.
    assertThat(scoped).extracting(Incident::id).containsExactlyInAnyOrder("n1", "n2");
    assertThat(store.incidents(null, WINDOW.from(), WINDOW.to()))
        .extracting(Incident::id)
        .contains("n4");
    assertThat(store.previousSuccessfulHead("api", "production", t("2024-01-09T10:00")))
        .isEqualTo("c2");
    assertThat(store.previousSuccessfulHead("api", "production", t("2024-01-02T10:00")))
        .isEqualTo("c0");
    assertThat(store.unknown(10)).extracting(r -> r[1]).containsExactly("n4");

    DoraReport r =
        DoraCalculator.aggregate("service:api", window, lead, scoped, WINDOW, Profiles.standard());
    // Deployments p1, p3early, p3, p6 (days Jan 2, 8, 9, 11); n1 -> p3 (latest <= 11:00 Jan 9);
    // n2 -> p1 (named, unresolved). CFR 2/4; recovery: n1 13:00 - 10:00 = 180 min.
    // Lead times 60, 120, 240 -> median 120.
    assertThat(r.deploymentFrequency().deployments()).isEqualTo(4);
    assertThat(r.changeFailureRate().failedDeployments()).isEqualTo(2);
    assertThat(r.failedDeploymentRecoveryTime().unresolved()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryTime().medianMinutes()).isEqualTo(180.0);
    assertThat(r.changeFailureRate().rate()).isEqualTo(0.5);
    assertThat(r.leadTimeForChanges().medianMinutes()).isEqualTo(120.0);
  }
}
