package dev.tarmac.sdk.delivery;

import java.util.List;

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
    DeliveryFacts facts = new DeliveryFacts();
    for (Deployment d : deployments) {
      if (d.counts() && d.finishedAt() != null) {
        facts.deployment(d.id(), d.service(), DeliveryFacts.micros(d.finishedAt()));
      }
    }
    for (LeadTimes.Sample s : leadTimes) {
      facts.leadTime(DeliveryFacts.micros(s.deployedAt()), s.seconds());
    }
    for (Incident i : incidents) {
      facts.incident(
          i.service(),
          DeliveryFacts.micros(i.openedAt()),
          DeliveryFacts.micros(i.resolvedAt()),
          i.causedByDeployment());
    }
    return aggregate(scope, facts, window, profile);
  }

  /** The report from facts: what a server reads from SQL, or what the other overloads build. */
  public static DoraReport aggregate(
      String scope, DeliveryFacts facts, Window window, Profile profile) {
    return new FactsReport(facts.columns(), window).report(scope, profile);
  }

  static Double minutes(double seconds) {
    return Double.isNaN(seconds) ? null : round(seconds / 60.0, 2);
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
