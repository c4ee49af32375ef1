package dev.tarmac.sdk.delivery;

import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One report computed from facts in primitive arrays: the rules of the DORA spec §6 over a window,
 * with per-ISO-week figures for the trend.
 */
final class FactsReport {

  private static final long SECOND = 1_000_000L;

  private final DeliveryFacts.Columns f;
  private final Window window;
  private final long from;
  private final long to;
  private final Periods periods;
  private final List<LocalDate> weeks;
  private final long firstWeek;

  FactsReport(DeliveryFacts.Columns facts, Window window) {
    this.f = facts;
    this.window = window;
    // Rounded up, so that "t >= from" and "t < to" hold for a microsecond t exactly when they
    // hold for the instant.
    this.from = ceilMicros(window.from());
    this.to = ceilMicros(window.to());
    this.periods = new Periods(window);
    this.weeks = periods.weeks();
    this.firstWeek = weeks.get(0).toEpochDay();
  }

  DoraReport report(String scope, Profile profile) {
    int weekCount = weeks.size();
    long[] fin = f.finished();
    // Deployments finished in the window: they count.
    long n = 0;
    long[] deploymentsByWeek = new long[weekCount];
    int[] onlyNamed = f.onlyNamed();
    for (int d = 0; d < fin.length; d++) {
      long t = fin[d];
      if (onlyNamed[d] == 0 && inWindow(t)) {
        n++;
        long day = Periods.day(t);
        periods.deployed(day);
        deploymentsByWeek[week(day)]++;
      }
    }
    boolean[] failed = new boolean[fin.length];
    long failedCount = 0;
    long[] failedByWeek = new long[weekCount];
    ImmutableLongArray.Builder recovery = ImmutableLongArray.builder();
    List<ImmutableLongArray.Builder> recoveryByWeek = new ArrayList<>();
    for (int w = 0; w < weekCount; w++) {
      recoveryByWeek.add(ImmutableLongArray.builder());
    }
    ImmutableLongArray.Builder restore = ImmutableLongArray.builder();
    long attributed = 0;
    long unresolved = 0;
    Timelines timelines =
        new Timelines(f.services(), f.deploymentServices(), fin, f.deploymentIds(), onlyNamed);
    Map<String, Integer> named = named();
    long[] opened = f.opened();
    long[] resolvedAt = f.resolved();
    for (int i = 0; i < opened.length; i++) {
      int d = attribution(i, named, timelines);
      long res = resolvedAt[i];
      boolean resolved = res != DeliveryFacts.NONE && res < to;
      if (d >= 0 && onlyNamed[d] == 0 && inWindow(fin[d])) {
        attributed++;
        if (!failed[d]) {
          failed[d] = true;
          failedCount++;
          failedByWeek[week(Periods.day(fin[d]))]++;
        }
        if (resolved) {
          long start = opened[i] == DeliveryFacts.NONE ? fin[d] : Math.min(fin[d], opened[i]);
          long s = seconds(start, res);
          recovery.add(s);
          recoveryByWeek.get(week(Periods.day(fin[d]))).add(s);
        } else {
          unresolved++;
        }
      }
      if (opened[i] != DeliveryFacts.NONE && inWindow(opened[i]) && resolved) {
        restore.add(seconds(opened[i], res));
      }
    }
    // Medians by selection: sorting hundreds of thousands of lead times cost more than reading
    // them.
    long[][] leadByWeek = leadTimesByWeek(weekCount);
    long[] lead = concat(leadByWeek);
    double weeksLong = Duration.between(window.from(), window.to()).toSeconds() / 604800.0;
    double perWeek = periods.medianDaysPer("week");
    double perMonth = periods.medianDaysPer("month");
    Double rate = n == 0 ? null : failedCount / (double) n;
    double[] leadMedians = Medians.both(lead);
    double leadMedian = leadMedians[0];
    double[] recoveryMedians = Medians.both(recovery.build().toArray());
    double recoveryMedian = recoveryMedians[0];
    long[] restores = restore.build().toArray();
    double[] restoreMedians = Medians.both(restores);
    List<DoraReport.Week> weekly = new ArrayList<>();
    for (int w = 0; w < weekCount; w++) {
      long c = deploymentsByWeek[w];
      long x = failedByWeek[w];
      weekly.add(
          new DoraReport.Week(
              weeks.get(w),
              c,
              periods.daysIn(weeks.get(w)),
              leadByWeek[w].length,
              DoraCalculator.minutes(Medians.both(leadByWeek[w])[0]),
              x,
              c == 0 ? null : DoraCalculator.round(x / (double) c, 4),
              DoraCalculator.minutes(Medians.both(recoveryByWeek.get(w).build().toArray())[0])));
    }
    return new DoraReport(
        scope,
        window.from(),
        window.to(),
        profile.name(),
        new DoraReport.DeploymentFrequency(
            n,
            periods.deploymentDays(),
            DoraCalculator.round(n / weeksLong, 2),
            perWeek,
            perMonth,
            n == 0 ? Band.NA.label() : periods.frequencyBand(profile).label()),
        new DoraReport.LeadTimeForChanges(
            lead.length,
            DoraCalculator.minutes(leadMedian),
            DoraCalculator.minutes(leadMedians[1]),
            profile.durationBand(profile.leadTimeBelow(), leadMedian).label()),
        new DoraReport.ChangeFailureRate(
            n,
            failedCount,
            rate == null ? null : DoraCalculator.round(rate, 4),
            rate == null ? Band.NA.label() : profile.rateBand(rate).label()),
        new DoraReport.FailedDeploymentRecoveryTime(
            attributed,
            unresolved,
            DoraCalculator.minutes(recoveryMedian),
            DoraCalculator.minutes(recoveryMedians[1]),
            profile.durationBand(profile.recoveryTimeBelow(), recoveryMedian).label()),
        new DoraReport.TimeToRestoreService(
            restores.length,
            DoraCalculator.minutes(restoreMedians[0]),
            DoraCalculator.minutes(restoreMedians[1])),
        weekly);
  }

  /**
   * The deployment an incident is attributed to: the one it names when that counts, else the latest
   * of its service finished at or before it opened; -1 for none.
   */
  private int attribution(int incident, Map<String, Integer> named, Timelines timelines) {
    if (f.causes() != null && f.causes().get(incident) != null) {
      Integer d = named.get(f.causes().get(incident));
      if (d != null) {
        return d;
      }
    }
    long opened = f.opened()[incident];
    return opened == DeliveryFacts.NONE
        ? -1
        : timelines.latestAtOrBefore(f.incidentServices()[incident], opened);
  }

  /** The deployments incidents name, by id (the last added wins, as for any map). */
  private Map<String, Integer> named() {
    Map<String, Integer> out = new HashMap<>();
    if (f.causes() == null) {
      return out;
    }
    Set<String> wanted = new HashSet<>(f.causes());
    List<String> ids = f.deploymentIds();
    for (int i = 0; i < ids.size(); i++) {
      if (wanted.contains(ids.get(i))) {
        out.put(ids.get(i), i);
      }
    }
    return out;
  }

  private long[][] leadTimesByWeek(int weekCount) {
    long[] deployed = f.deployed();
    long[] seconds = f.leadSeconds();
    int[] counts = new int[weekCount];
    for (long t : deployed) {
      if (inWindow(t)) {
        counts[week(Periods.day(t))]++;
      }
    }
    long[][] out = new long[weekCount][];
    for (int w = 0; w < weekCount; w++) {
      out[w] = new long[counts[w]];
    }
    int[] next = new int[weekCount];
    for (int i = 0; i < deployed.length; i++) {
      if (inWindow(deployed[i])) {
        int w = week(Periods.day(deployed[i]));
        out[w][next[w]++] = seconds[i];
      }
    }
    return out;
  }

  private static long[] concat(long[][] parts) {
    int size = 0;
    for (long[] p : parts) {
      size += p.length;
    }
    long[] out = new long[size];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private boolean inWindow(long micros) {
    return micros >= from && micros < to;
  }

  private int week(long epochDay) {
    return (int) ((Periods.weekStart(epochDay) - firstWeek) / 7);
  }

  /** Whole seconds from one time to another, as Duration.toSeconds counts them; at least 0. */
  private static long seconds(long fromMicros, long toMicros) {
    return Math.max(0, Math.floorDiv(toMicros - fromMicros, SECOND));
  }

  private static long ceilMicros(java.time.Instant t) {
    long floor = DeliveryFacts.micros(t);
    return t.getNano() % 1000 == 0 ? floor : floor + 1;
  }
}
