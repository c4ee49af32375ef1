package dev.tarmac.sdk.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Band thresholds of one benchmark profile; loaded from data by {@link Profiles}.
 *
 * @param name for example dora-2023
 * @param frequency deployment-frequency rules, tried in order; none matching means low
 * @param leadTimeBelow lead time strictly below these is elite, high, medium; else low
 * @param changeFailureRateAtMost rates at most these are elite, high, medium; else low
 * @param recoveryTimeBelow recovery time strictly below these is elite, high, medium; else low
 */
public record Profile(
    String name,
    List<FrequencyRule> frequency,
    Tiers<Duration> leadTimeBelow,
    Tiers<Double> changeFailureRateAtMost,
    Tiers<Duration> recoveryTimeBelow) {

  /**
   * A deployment-frequency rule: the median deployment days per period is at least a value.
   *
   * @param band the band when the rule holds
   * @param per week, month or halfYear
   * @param atLeast the least median number of deployment days per period
   */
  public record FrequencyRule(Band band, String per, double atLeast) {}

  /**
   * Three thresholds, one per band above low.
   *
   * @param elite elite's threshold
   * @param high high's threshold
   * @param medium medium's threshold
   * @param <T> duration or rate
   */
  public record Tiers<T>(T elite, T high, T medium) {}

  /** Band of a duration in seconds; durations compare with {@code <} (24 h exactly is high). */
  public Band durationBand(Tiers<Duration> tiers, double seconds) {
    if (Double.isNaN(seconds)) {
      return Band.NA;
    }
    if (seconds < tiers.elite().toSeconds()) {
      return Band.ELITE;
    }
    if (seconds < tiers.high().toSeconds()) {
      return Band.HIGH;
    }
    return seconds < tiers.medium().toSeconds() ? Band.MEDIUM : Band.LOW;
  }

  /** Band of a change failure rate; rates compare with {@code <=}. */
  public Band rateBand(double rate) {
    if (Double.isNaN(rate)) {
      return Band.NA;
    }
    Tiers<Double> t = changeFailureRateAtMost;
    if (rate <= t.elite()) {
      return Band.ELITE;
    }
    if (rate <= t.high()) {
      return Band.HIGH;
    }
    return rate <= t.medium() ? Band.MEDIUM : Band.LOW;
  }
}
