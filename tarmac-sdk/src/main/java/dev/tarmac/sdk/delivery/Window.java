package dev.tarmac.sdk.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * A half-open time window {@code [from, to)} in UTC.
 *
 * @param from the first instant inside
 * @param to the first instant after
 */
public record Window(Instant from, Instant to) {

  /** Checks the window is not empty. */
  public Window {
    if (from == null || to == null || !from.isBefore(to)) {
      throw new IllegalArgumentException("window: 'from' must be before 'to'");
    }
  }

  /** The default window: the last {@code weeks} whole ISO weeks (Monday 00:00 UTC) before now. */
  public static Window lastFullIsoWeeks(Instant now, int weeks) {
    LocalDate monday =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Window(
        monday.minusWeeks(weeks).atStartOfDay().toInstant(ZoneOffset.UTC),
        monday.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** Whether the instant is inside. */
  public boolean contains(Instant t) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }
}
