package dev.tarmac.sdk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked data set covering every rule of the DORA spec §6. Window: [Mon 2024-01-01, Mon
 * 2024-01-15), two ISO weeks, one calendar month.
 */
class DoraCalculatorTest {

  static final Window WINDOW = new Window(t("2024-01-01T00:00"), t("2024-01-15T00:00"));

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  static Deployment dep(String id, String env, String status, String finished, String... shas) {
    return new Deployment(id, "api", env, List.of(shas), null, t(finished), status);
  }

  static final List<Deployment> DEPLOYMENTS =
      List.of(
          dep("d0", "production", "success", "2023-12-31T23:00", "c0"), // before the window
          dep("d1", "production", "success", "2024-01-01T00:00", "c1"), // window start: inside
          dep("d2", "production", "failure", "2024-01-02T10:00", "c2"), // failed: c2 carried to d3
          dep("d3", "production", "success", "2024-01-02T12:00", "c3"),
          dep("d4", "staging", "success", "2024-01-03T09:00", "c4"), // staging: never counts
          dep("d5", "production", "success", "2024-01-09T10:00", "c4", "c3", "c7"), // c3 redeployed
          dep("d7", "production", "success", "2024-01-10T08:00"),
          dep("d6", "production", "success", "2024-01-15T00:00", "c6")); // window end: outside

  static Change change(String sha, String authored, String committed) {
    return new Change(sha, "api", authored == null ? null : t(authored), t(committed), null);
  }

  static final List<Change> CHANGES =
      List.of(
          change("c0", "2023-12-30T23:00", "2023-12-30T23:00"), // shipped before the window
          change("c1", "2023-12-31T00:00", "2023-12-31T00:00"), // d1: 24 h = 1440 min
          change("c2", "2024-01-02T00:00", "2024-01-02T00:00"), // failed d2, shipped by d3: 720
          change("c3", "2024-01-02T06:00", "2024-01-02T06:00"), // d3: 360 (d5 does not restart)
          change("c4", null, "2024-01-03T00:00"), // no author time; staging ignored; d5: 9240
          change("c5", "2024-01-05T00:00", "2024-01-05T00:00"), // never deployed
          change("c6", "2024-01-14T00:00", "2024-01-14T00:00"), // shipped at the window end
          change("c7", "2024-01-09T11:00", "2024-01-09T11:00")); // after d5 finished: dropped

  static Incident incident(String id, String opened, String resolved, String cause) {
    return new Incident(id, "api", t(opened), resolved == null ? null : t(resolved), cause);
  }

  static final List<Incident> INCIDENTS =
      List.of(
          // no cause: latest deployment <= opened is d3; recovery 13:30-12:00 = 90; restore 30
          incident("i1", "2024-01-02T13:00", "2024-01-02T13:30", null),
          // names d5, opened before d5 finished: recovery 12:00-09:00 = 180; restore 180
          incident("i2", "2024-01-09T09:00", "2024-01-09T12:00", "d5"),
          // unresolved, no cause: d5
          incident("i3", "2024-01-10T00:00", null, null),
          // names failed d2, so falls back to the latest success <= 11:00, d1:
          // recovery Jan 3 11:00 - Jan 1 00:00 = 59 h = 3540; restore 24 h = 1440
          incident("i4", "2024-01-02T11:00", "2024-01-03T11:00", "d2"),
          // opened before the window: attributed to d0, restore not counted
          incident("i5", "2023-12-31T23:30", "2024-01-01T01:00", null),
          // names d5, resolved after the window ends: unresolved; restore not counted
          incident("i6", "2024-01-14T20:00", "2024-01-15T01:00", "d5"),
          // no cause: d3 (second incident of d3); recovery Jan 8 02:00 - Jan 2 12:00 = 8040;
          // restore 120
          incident("i8", "2024-01-08T00:00", "2024-01-08T02:00", null));

  @Test
  void everyRuleOnTheHandWorkedDataSet() {
    DoraReport r =
        DoraCalculator.compute(
            "service:api", DEPLOYMENTS, CHANGES, INCIDENTS, WINDOW, Profiles.standard());
    // Counting deployments d1, d3, d5, d7; days Jan 1, 2, 9, 10; weeks 2 and 2 -> median 2;
    // January 4; 4 deployments / 2 weeks = 2.0; median 2 days/week >= 1 -> high.
    assertThat(r.deploymentFrequency())
        .isEqualTo(new DoraReport.DeploymentFrequency(4, 4, 2.0, 2.0, 4.0, "high"));
    // Lead times 360, 720, 1440, 9240 -> median (720+1440)/2 = 1080 min = 18 h -> elite;
    // lower median 720.
    assertThat(r.leadTimeForChanges())
        .isEqualTo(new DoraReport.LeadTimeForChanges(4, 1080.0, 720.0, "elite"));
    // Failed: d1 (i4), d3 (i1, i8), d5 (i2, i3, i6); d7 none -> 3/4 = 0.75 -> low.
    assertThat(r.changeFailureRate())
        .isEqualTo(new DoraReport.ChangeFailureRate(4, 3, 0.75, "low"));
    // Attributed: i1 i2 i3 i4 i6 i8 = 6, unresolved i3 i6 = 2; recoveries 90, 180, 3540, 8040
    // -> median (180+3540)/2 = 1860 min = 31 h -> medium; lower median 180.
    assertThat(r.failedDeploymentRecoveryTime())
        .isEqualTo(new DoraReport.FailedDeploymentRecoveryTime(6, 2, 1860.0, 180.0, "medium"));
    // Restores: i1 30, i8 120, i2 180, i4 1440 -> median 150, lower 120.
    assertThat(r.timeToRestoreService())
        .isEqualTo(new DoraReport.TimeToRestoreService(4, 150.0, 120.0));
    // Week of Jan 1: d1, d3 both failed; c1 c2 c3 -> median 720; recoveries 90, 3540, 8040.
    // Week of Jan 8: d5 failed, d7 not; c4 9240; recovery 180.
    assertThat(r.weekly())
        .containsExactly(
            new DoraReport.Week(LocalDate.parse("2024-01-01"), 2, 2, 3, 720.0, 2, 1.0, 3540.0),
            new DoraReport.Week(LocalDate.parse("2024-01-08"), 2, 2, 1, 9240.0, 1, 0.5, 180.0));
  }

  @Test
  void theDora2021ProfileUsesItsOwnBands() {
    DoraReport r =
        DoraCalculator.compute(
            "service:api",
            DEPLOYMENTS,
            CHANGES,
            INCIDENTS,
            WINDOW,
            Profiles.named("dora-2021").orElseThrow());
    // 2 days/week < 5; 4 days/month >= 1 -> high. 18 h: not < 1 h, < 7 d -> high.
    assertThat(r.profile()).isEqualTo("dora-2021");
    assertThat(r.deploymentFrequency().band()).isEqualTo("high");
    assertThat(r.leadTimeForChanges().band()).isEqualTo("high");
    assertThat(r.changeFailureRate().band()).isEqualTo("low"); // 0.75 > 0.30
  }

  @Test
  void nothingToMeasureIsNotApplicable() {
    DoraReport r =
        DoraCalculator.compute("org", List.of(), List.of(), List.of(), WINDOW, Profiles.standard());
    assertThat(r.deploymentFrequency().band()).isEqualTo("n/a");
    assertThat(r.leadTimeForChanges().band()).isEqualTo("n/a");
    assertThat(r.leadTimeForChanges().medianMinutes()).isNull();
    assertThat(r.changeFailureRate().rate()).isNull();
    assertThat(r.changeFailureRate().band()).isEqualTo("n/a");
    assertThat(r.failedDeploymentRecoveryTime().band()).isEqualTo("n/a");
    assertThat(r.weekly()).hasSize(2);
  }

  @Test
  void durationBandsCompareStrictlyBelow() {
    Profile p = Profiles.standard();
    assertThat(p.durationBand(p.leadTimeBelow(), Duration.ofHours(24).toSeconds() - 1))
        .isEqualTo(Band.ELITE);
    assertThat(p.durationBand(p.leadTimeBelow(), Duration.ofHours(24).toSeconds()))
        .isEqualTo(Band.HIGH);
    assertThat(p.durationBand(p.leadTimeBelow(), Duration.ofDays(7).toSeconds()))
        .isEqualTo(Band.MEDIUM);
    assertThat(p.durationBand(p.leadTimeBelow(), Duration.ofDays(30).toSeconds()))
        .isEqualTo(Band.LOW);
    assertThat(p.durationBand(p.recoveryTimeBelow(), 3599)).isEqualTo(Band.ELITE);
    assertThat(p.durationBand(p.recoveryTimeBelow(), 3600)).isEqualTo(Band.HIGH);
    assertThat(p.durationBand(p.recoveryTimeBelow(), Duration.ofDays(7).toSeconds()))
        .isEqualTo(Band.LOW);
  }

  @Test
  void rateBandsCompareAtMost() {
    Profile p = Profiles.standard();
    assertThat(p.rateBand(0.05)).isEqualTo(Band.ELITE);
    assertThat(p.rateBand(0.0501)).isEqualTo(Band.HIGH);
    assertThat(p.rateBand(0.10)).isEqualTo(Band.HIGH);
    assertThat(p.rateBand(0.15)).isEqualTo(Band.MEDIUM);
    assertThat(p.rateBand(0.1501)).isEqualTo(Band.LOW);
  }

  @Test
  void deploymentFrequencyBandsCompareAtLeast() {
    // One week, five distinct days -> median 5 -> elite; four days -> high.
    Window week = new Window(t("2024-01-01T00:00"), t("2024-01-08T00:00"));
    assertThat(frequencyBand(week, 5)).isEqualTo("elite");
    assertThat(frequencyBand(week, 4)).isEqualTo("high");
    // Four weeks, one deployment in the first week only: weeks 1,0,0,0 -> median 0;
    // January 1 -> medium.
    Window month = new Window(t("2024-01-01T00:00"), t("2024-01-29T00:00"));
    assertThat(frequencyBand(month, 1)).isEqualTo("medium");
    // Window over two months with one deployment: months 1, 0 -> median 0.5 -> low.
    Window two = new Window(t("2024-01-01T00:00"), t("2024-03-01T00:00"));
    assertThat(frequencyBand(two, 1)).isEqualTo("low");
  }

  private static String frequencyBand(Window w, int days) {
    List<Deployment> list = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      list.add(dep("x" + i, "production", "success", "2024-01-0" + (1 + i) + "T10:00"));
    }
    return DoraCalculator.compute("s", list, List.of(), List.of(), w, Profiles.standard())
        .deploymentFrequency()
        .band();
  }

  @Test
  void defaultWindowIsTheLastTwelveFullIsoWeeks() {
    Window w = Window.lastFullIsoWeeks(t("2024-03-20T15:00"), 12);
    assertThat(w).isEqualTo(new Window(t("2023-12-25T00:00"), t("2024-03-18T00:00")));
  }
}
