package dev.tarmac.sdk.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The ISO weeks, calendar months and half-years intersecting a window (partial ones included), and
 * the distinct deployment days falling in each.
 */
final class Periods {

  static final long DAY_MICROS = 86_400_000_000L;

  private final LocalDate first;
  private final LocalDate last;
  private final long firstDay;
  // Bit i: a deployment finished on the window's i-th UTC day.
  private final BitSet days = new BitSet();

  Periods(Window w) {
    first = LocalDate.ofInstant(w.from(), ZoneOffset.UTC);
    // The window is half-open, so its last day is the one holding the instant just before 'to'.
    last = LocalDate.ofInstant(w.to().minusNanos(1), ZoneOffset.UTC);
    firstDay = first.toEpochDay();
  }

  /** The UTC epoch day of an instant in epoch microseconds. */
  static long day(long micros) {
    return Math.floorDiv(micros, DAY_MICROS);
  }

  /** The epoch day of the Monday starting the ISO week holding an epoch day. */
  static long weekStart(long epochDay) {
    // Epoch day 0, 1970-01-01, was a Thursday: three days after a Monday.
    return epochDay - Math.floorMod(epochDay + 3, 7);
  }

  /** Records a deployment finished on this epoch day (a day inside the window). */
  void deployed(long epochDay) {
    days.set(Math.toIntExact(epochDay - firstDay));
  }

  long deploymentDays() {
    return days.cardinality();
  }

  List<LocalDate> weeks() {
    return starts("week");
  }

  long daysIn(LocalDate weekStart) {
    int from = (int) Math.max(0, weekStart.toEpochDay() - firstDay);
    int to = (int) Math.max(0, weekStart.toEpochDay() + 7 - firstDay);
    return days.get(from, to).cardinality();
  }

  double medianDaysPer(String period) {
    List<LocalDate> starts = starts(period);
    long[] counts = new long[starts.size()];
    for (int i = days.nextSetBit(0); i >= 0; i = days.nextSetBit(i + 1)) {
      LocalDate d = LocalDate.ofEpochDay(firstDay + i);
      for (int p = starts.size() - 1; p >= 0; p--) {
        if (!d.isBefore(starts.get(p))) {
          counts[p]++;
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
