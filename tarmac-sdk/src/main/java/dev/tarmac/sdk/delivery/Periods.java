package dev.tarmac.sdk.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ISO weeks, calendar months and half-years intersecting a window (partial ones included), and
 * the distinct deployment days falling in each.
 */
final class Periods {

  private final LocalDate first;
  private final LocalDate last;
  private final Set<LocalDate> days = new HashSet<>();

  Periods(Window w) {
    first = LocalDate.ofInstant(w.from(), ZoneOffset.UTC);
    // The window is half-open, so its last day is the one holding the instant just before 'to'.
    last = LocalDate.ofInstant(w.to().minusNanos(1), ZoneOffset.UTC);
  }

  void deployed(Instant finishedAt) {
    days.add(DoraCalculator.day(finishedAt));
  }

  long deploymentDays() {
    return days.size();
  }

  static LocalDate week(Instant t) {
    return DoraCalculator.day(t).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
