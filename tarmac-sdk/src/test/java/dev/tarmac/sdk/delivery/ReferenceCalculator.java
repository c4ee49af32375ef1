package dev.tarmac.sdk.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The calculator as it was before it computed from primitive facts (Instant-based, object per
 * event), kept to check that the facts-based computation gives the same reports.
 */
final class ReferenceCalculator {

  private ReferenceCalculator() {}

  /**
   * The report from deployments (those finished in the window count; others only serve incident
   * attribution), the lead-time samples already worked out, and incidents.
   */
  static DoraReport aggregate(
      String scope,
      List<Deployment> deployments,
      List<LeadTimes.Sample> leadTimes,
      List<Incident> incidents,
      Window window,
      Profile profile) {
    OldPeriods periods = new OldPeriods(window);
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
              .computeIfAbsent(OldPeriods.week(d.finishedAt()), k -> new ArrayList<>())
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
      long[] c = failedByWeek.computeIfAbsent(OldPeriods.week(d.finishedAt()), k -> new long[2]);
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
            .computeIfAbsent(OldPeriods.week(s.deployedAt()), k -> new ArrayList<>())
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

  static final class OldPeriods {

    private final LocalDate first;
    private final LocalDate last;
    private final Set<LocalDate> days = new HashSet<>();

    OldPeriods(Window w) {
      first = LocalDate.ofInstant(w.from(), ZoneOffset.UTC);
      // The window is half-open, so its last day is the one holding the instant just before 'to'.
      last = LocalDate.ofInstant(w.to().minusNanos(1), ZoneOffset.UTC);
    }

    void deployed(Instant finishedAt) {
      days.add(day(finishedAt));
    }

    long deploymentDays() {
      return days.size();
    }

    static LocalDate week(Instant t) {
      return day(t).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    List<LocalDate> weeks() {
      return starts("week");
    }

    long daysIn(LocalDate weekStart) {
      return days.stream()
          .filter(d -> !d.isBefore(weekStart) && d.isBefore(weekStart.plusWeeks(1)))
          .count();
    }

    double medianDaysPer(String period) {
      List<LocalDate> starts = starts(period);
      long[] counts = new long[starts.size()];
      for (LocalDate d : days) {
        for (int i = starts.size() - 1; i >= 0; i--) {
          if (!d.isBefore(starts.get(i))) {
            counts[i]++;
            break;
          }
        }
      }
      return Medians.median(counts);
    }

    Band frequencyBand(Profile profile) {
      for (Profile.FrequencyRule rule : profile.frequency()) {
        if (medianDaysPer(rule.per()) >= rule.atLeast()) {
          return rule.band();
        }
      }
      return Band.LOW;
    }

    private List<LocalDate> starts(String period) {
      LocalDate start =
          switch (period) {
            case "week" -> first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> first.withDayOfMonth(1);
            case "halfYear" -> LocalDate.of(first.getYear(), first.getMonthValue() <= 6 ? 1 : 7, 1);
            default -> throw new IllegalArgumentException("unknown period: " + period);
          };
      List<LocalDate> out = new ArrayList<>();
      for (LocalDate s = start; !s.isAfter(last); s = next(s, period)) {
        out.add(s);
      }
      return out;
    }

    private static LocalDate next(LocalDate s, String period) {
      return switch (period) {
        case "week" -> s.plusWeeks(1);
        case "month" -> s.plusMonths(1);
        default -> s.plusMonths(6);
      };
    }
  }
}
