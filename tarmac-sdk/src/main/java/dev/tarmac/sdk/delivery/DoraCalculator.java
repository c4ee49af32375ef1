package dev.tarmac.sdk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes DORA's four keys as defined in Tarmac's DORA spec §6, from events or prepared facts. */
public final class DoraCalculator {

  private DoraCalculator() {}

  /** The report for raw events: deployments of any kind, changes and incidents. */
  public static DoraReport compute(
      String scope,
      List<Deployment> deployments,
      List<Change> changes,
      List<Incident> incidents,
      Window window,
      Profile profile) {
    return aggregate(
        scope, deployments, LeadTimes.of(deployments, changes, window), incidents, window, profile);
  }

  /**
   * The report from deployments (those finished in the window count; others only serve incident
   * attribution), the lead-time samples already worked out, and incidents.
   */
  public static DoraReport aggregate(
      String scope,
      List<Deployment> deployments,
      List<LeadTimes.Sample> leadTimes,
      List<Incident> incidents,
      Window window,
      Profile profile) {
    Periods periods = new Periods(window);
    List<Deployment> inWindow = new ArrayList<>();
    for (Deployment d : deployments) {
      if (d.counts() && window.contains(d.finishedAt())) {
        inWindow.add(d);
        periods.deployed(d.finishedAt());
      }
    }
    Attribution attribution = new Attribution(deployments);
    Set<String> failed = new HashSet<>();
    Map<LocalDate, List<Long>> recoveryByWeek = new TreeMap<>();
    List<Long> recovery = new ArrayList<>();
    List<Long> restore = new ArrayList<>();
    long attributed = 0;
    long unresolved = 0;
    for (Incident i : incidents) {
      Deployment d = attribution.of(i);
      boolean resolved = i.resolvedAt() != null && i.resolvedAt().isBefore(window.to());
      if (d != null && window.contains(d.finishedAt())) {
        attributed++;
        failed.add(d.id());
        if (resolved) {
          Instant start = d.finishedAt().isBefore(i.openedAt()) ? d.finishedAt() : i.openedAt();
          long s = Math.max(0, Duration.between(start, i.resolvedAt()).toSeconds());
          recovery.add(s);
          recoveryByWeek
              .computeIfAbsent(Periods.week(d.finishedAt()), k -> new ArrayList<>())
              .add(s);
        } else {
          unresolved++;
        }
      }
      if (window.contains(i.openedAt()) && resolved) {
        restore.add(Math.max(0, Duration.between(i.openedAt(), i.resolvedAt()).toSeconds()));
      }
    }
    Map<LocalDate, long[]> failedByWeek = new HashMap<>();
    for (Deployment d : inWindow) {
      long[] c = failedByWeek.computeIfAbsent(Periods.week(d.finishedAt()), k -> new long[2]);
      c[0]++;
      if (failed.contains(d.id())) {
        c[1]++;
      }
    }
    List<Long> lead = new ArrayList<>();
    Map<LocalDate, List<Long>> leadByWeek = new TreeMap<>();
    for (LeadTimes.Sample s : leadTimes) {
      if (window.contains(s.deployedAt())) {
        lead.add(s.seconds());
        leadByWeek
            .computeIfAbsent(Periods.week(s.deployedAt()), k -> new ArrayList<>())
            .add(s.seconds());
      }
    }
    long n = inWindow.size();
    double weeks = Duration.between(window.from(), window.to()).toSeconds() / 604800.0;
    double perWeek = periods.medianDaysPer("week");
    double perMonth = periods.medianDaysPer("month");
    Double rate = n == 0 ? null : failed.size() / (double) n;
    double leadMedian = Medians.median(toArray(lead));
    double recoveryMedian = Medians.median(toArray(recovery));
    List<DoraReport.Week> weekly = new ArrayList<>();
    for (LocalDate week : periods.weeks()) {
      long[] c = failedByWeek.getOrDefault(week, new long[2]);
      List<Long> l = leadByWeek.getOrDefault(week, List.of());
      weekly.add(
          new DoraReport.Week(
              week,
              c[0],
              periods.daysIn(week),
              l.size(),
              minutes(Medians.median(toArray(l))),
              c[1],
              c[0] == 0 ? null : round(c[1] / (double) c[0], 4),
              minutes(Medians.median(toArray(recoveryByWeek.getOrDefault(week, List.of()))))));
    }
    return new DoraReport(
        scope,
        window.from(),
        window.to(),
        profile.name(),
        new DoraReport.DeploymentFrequency(
            n,
            periods.deploymentDays(),
            round(n / weeks, 2),
            perWeek,
            perMonth,
            n == 0 ? Band.NA.label() : periods.frequencyBand(profile).label()),
        new DoraReport.LeadTimeForChanges(
            lead.size(),
            minutes(leadMedian),
            minutes(Medians.lowerMedian(toArray(lead))),
            profile.durationBand(profile.leadTimeBelow(), leadMedian).label()),
        new DoraReport.ChangeFailureRate(
            n,
            failed.size(),
            rate == null ? null : round(rate, 4),
            rate == null ? Band.NA.label() : profile.rateBand(rate).label()),
        new DoraReport.FailedDeploymentRecoveryTime(
            attributed,
            unresolved,
            minutes(recoveryMedian),
            minutes(Medians.lowerMedian(toArray(recovery))),
            profile.durationBand(profile.recoveryTimeBelow(), recoveryMedian).label()),
        new DoraReport.TimeToRestoreService(
            restore.size(),
            minutes(Medians.median(toArray(restore))),
            minutes(Medians.lowerMedian(toArray(restore)))),
        weekly);
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static Double minutes(double seconds) {
    return Double.isNaN(seconds) ? null : round(seconds / 60.0, 2);
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  /** UTC date of an instant. */
  static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
