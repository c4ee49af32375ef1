package dev.tarmac.sdk.delivery;

import java.util.Locale;

/** A DORA performance band; {@link #NA} when there is nothing to measure. */
public enum Band {
  ELITE,
  HIGH,
  MEDIUM,
  LOW,
  NA;

  /** The lower-case label used in reports: elite, high, medium, low or n/a. */
  public String label() {
    return this == NA ? "n/a" : name().toLowerCase(Locale.ROOT);
  }

  /** The band for a label. */
  public static Band of(String label) {
    return "n/a".equals(label) ? NA : valueOf(label.toUpperCase(Locale.ROOT));
  }
}
