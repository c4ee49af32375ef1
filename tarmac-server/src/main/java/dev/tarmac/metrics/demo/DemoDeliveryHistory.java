package dev.tarmac.metrics.demo;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Twelve weeks of deployments, changes and incidents of fourteen demo services (at least one per
 * team), each day's made up from a seed of the service and the date: the same days always give the
 * same events (and ids), so posting them again stores only days not posted before.
 */
final class DemoDeliveryHistory {

  /** How many weeks back the history reaches: the default window of the DORA reports. */
  static final int WEEKS = 12;

  /**
   * How a service delivers.
   *
   * @param service the demo component
   * @param deployChance chance of a production deployment on a working day
   * @param failureChance chance that a deployment fails (and is repeated an hour later)
   * @param maxCommits most commits a deployment ships
   * @param leadHours most hours from authoring a commit to its deployment
   * @param incidentChance chance that a successful deployment causes an incident
   */
  record Habit(
      String service,
      double deployChance,
      double failureChance,
      int maxCommits,
      int leadHours,
      double incidentChance) {}

  static final List<Habit> HABITS =
      List.of(
          new Habit("booking-service", 0.9, 0.04, 3, 20, 0.03),
          new Habit("shipment-tracker", 0.7, 0.06, 4, 30, 0.05),
          new Habit("route-planner", 0.5, 0.08, 4, 50, 0.07),
          new Habit("label-service", 0.35, 0.1, 5, 80, 0.1),
          new Habit("dispatch-console", 0.2, 0.15, 6, 150, 0.15),
          new Habit("invoice-service", 0.2, 0.2, 8, 300, 0.25),
          new Habit("rate-engine", 0.6, 0.05, 3, 36, 0.04),
          new Habit("telematics-ingest", 0.55, 0.07, 4, 40, 0.06),
          new Habit("scanner-gateway", 0.3, 0.12, 5, 96, 0.12),
          new Habit("portal-bff", 0.8, 0.05, 3, 24, 0.04),
          new Habit("edi-gateway", 0.25, 0.15, 6, 160, 0.2),
          new Habit("lakehouse-ingest", 0.4, 0.1, 4, 72, 0.08),
          new Habit("auth-gateway", 0.5, 0.03, 3, 30, 0.02),
          new Habit("stock-ledger", 0.3, 0.1, 5, 100, 0.1));

  /**
   * The events of every working day before {@code today} in the last {@link #WEEKS} weeks.
   *
   * @param deployments receives the deployments
   * @param changes receives the changes they ship
   * @param incidents receives the incidents they cause
   */
  static void days(
      LocalDate today,
      List<Deployment> deployments,
      List<Change> changes,
      List<Incident> incidents) {
    for (LocalDate day = today.minusWeeks(WEEKS); day.isBefore(today); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (Habit h : HABITS) {
        day(h, day, deployments, changes, incidents);
      }
    }
  }

  private static void day(
      Habit h,
      LocalDate day,
      List<Deployment> deployments,
      List<Change> changes,
      List<Incident> incidents) {
    // SplittableRandom mixes its seed: neighbouring days do not start alike, as java.util.Random's
    // do.
    SplittableRandom r =
        new SplittableRandom(h.service().hashCode() * 1_000_003L + day.toEpochDay());
    if (r.nextDouble() >= h.deployChance()) {
      return;
    }
    Instant at =
        day.atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .plus(Duration.ofMinutes(8 * 60 + r.nextInt(480)));
    String id = "demo-" + h.service() + "-" + day;
    List<String> shas = new ArrayList<>();
    int commits = 1 + r.nextInt(h.maxCommits());
    for (int i = 0; i < commits; i++) {
      byte[] sha = new byte[20];
      r.nextBytes(sha);
      String hex = HexFormat.of().formatHex(sha);
      shas.add(hex);
      Instant authored = at.minus(Duration.ofMinutes(60 + r.nextInt(h.leadHours() * 60)));
      Instant committed = authored.plus(Duration.ofMinutes(5 + r.nextInt(55)));
      Instant merged = at.minus(Duration.ofMinutes(10 + r.nextInt(20)));
      Instant opened = committed.isBefore(merged) ? committed : merged;
      changes.add(
          new Change(
              hex,
              h.service(),
              authored,
              committed,
              new Change.PullRequest(id + "-pr" + i, opened, merged)));
    }
    Instant finished = at.plus(Duration.ofMinutes(4 + r.nextInt(10)));
    if (r.nextDouble() < h.failureChance()) {
      deployments.add(
          new Deployment(
              id + "-failed", h.service(), Deployment.PRODUCTION, shas, at, finished, "failure"));
      at = at.plus(Duration.ofHours(1));
      finished = finished.plus(Duration.ofHours(1));
    }
    deployments.add(
        new Deployment(
            id, h.service(), Deployment.PRODUCTION, shas, at, finished, Deployment.SUCCESS));
    if (r.nextDouble() < h.incidentChance()) {
      Instant opened = finished.plus(Duration.ofMinutes(10 + r.nextInt(110)));
      incidents.add(
          new Incident(
              id + "-incident",
              h.service(),
              opened,
              opened.plus(Duration.ofMinutes(20 + r.nextInt(280))),
              id));
    }
  }

  private DemoDeliveryHistory() {}
}
