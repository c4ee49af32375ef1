package dev.tarmac.portal.view;

import dev.tarmac.sdk.delivery.DoraReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * DORA's four keys for one scope as a card: each figure with its band and a weekly trend line.
 *
 * @param scope what the figures cover ({@code service:…}, {@code team:…} or {@code org})
 * @param from window start (inclusive)
 * @param to window end (exclusive)
 * @param profile the band profile
 * @param keys the four keys
 * @param empty whether no deployment, change or incident fell in the window
 */
public record DeliveryCard(
    String scope, LocalDate from, LocalDate to, String profile, List<Key> keys, boolean empty) {

  private static final int W = 160;
  private static final int H = 36;

  /**
   * One key.
   *
   * @param name the key's name
   * @param value the figure in words
   * @param detail what it is computed from
   * @param band elite, high, medium, low or n/a
   * @param trend SVG polyline points of the weekly values, empty without data
   */
  public record Key(String name, String value, String detail, String band, String trend) {}

  /** Builds the card from a report. */
  public static DeliveryCard of(DoraReport r) {
    var df = r.deploymentFrequency();
    var lt = r.leadTimeForChanges();
    var cfr = r.changeFailureRate();
    var rec = r.failedDeploymentRecoveryTime();
    List<Key> keys =
        List.of(
            new Key(
                "Deployment frequency",
                String.format(Locale.ROOT, "%.1f / week", df.deploymentsPerWeek()),
                df.deployments() + " deployments on " + df.deploymentDays() + " days",
                df.band(),
                trend(r.weekly(), w -> (double) w.deployments())),
            new Key(
                "Lead time for changes",
                duration(lt.medianMinutes()),
                "median of " + lt.changes() + " changes",
                lt.band(),
                trend(r.weekly(), DoraReport.Week::leadTimeMedianMinutes)),
            new Key(
                "Change failure rate",
                cfr.rate() == null ? "—" : String.format(Locale.ROOT, "%.0f %%", cfr.rate() * 100),
                cfr.failedDeployments() + " of " + cfr.deployments() + " deployments failed",
                cfr.band(),
                trend(r.weekly(), DoraReport.Week::changeFailureRate)),
            new Key(
                "Failed deployment recovery time",
                duration(rec.medianMinutes()),
                rec.incidents() + " incidents, " + rec.unresolved() + " unresolved",
                rec.band(),
                trend(r.weekly(), DoraReport.Week::recoveryMedianMinutes)));
    boolean empty =
        df.deployments() == 0
            && lt.changes() == 0
            && cfr.deployments() == 0
            && rec.incidents() == 0;
    return new DeliveryCard(
        r.scope(),
        LocalDate.ofInstant(r.from(), java.time.ZoneOffset.UTC),
        LocalDate.ofInstant(r.to(), java.time.ZoneOffset.UTC),
        r.profile(),
        keys,
        empty);
  }

  /** Minutes in words: "45 min", "5.5 h", "3.2 days". */
  static String duration(Double minutes) {
    if (minutes == null) {
      return "—";
    }
    if (minutes < 60) {
      return String.format(Locale.ROOT, "%.0f min", minutes);
    }
    if (minutes < 48 * 60) {
      return String.format(Locale.ROOT, "%.1f h", minutes / 60);
    }
    return String.format(Locale.ROOT, "%.1f days", minutes / 1440);
  }

  private static String trend(List<DoraReport.Week> weeks, Function<DoraReport.Week, Double> f) {
    List<Double> values = new ArrayList<>();
    double max = 0;
    for (DoraReport.Week w : weeks) {
      Double v = f.apply(w);
      values.add(v);
      if (v != null) {
        max = Math.max(max, v);
      }
    }
    if (values.stream().allMatch(v -> v == null)) {
      return "";
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i) == null ? 0 : values.get(i);
      double x = values.size() == 1 ? W / 2.0 : i * (double) W / (values.size() - 1);
      double y = H - 2 - (max == 0 ? 0 : v / max * (H - 4));
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return points.toString().trim();
  }
}
