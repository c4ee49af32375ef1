package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.DeliveryFacts;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code delivery_incidents.cause_finished_us}: the finish of the deployment an incident
 * names, when that deployment counts and finished after the incident opened. Only such an incident
 * can open before a window yet belong to a deployment in it, so a report finds those through this
 * column's index instead of joining every window deployment. Both sides check again after commit,
 * as for shipped commits. The value is looked up here on both databases; H2 keeps it up to date
 * here too, PostgreSQL in its intake statements ({@link PostgresIntake}).
 */
final class IncidentCauses {

  private static final int CHUNK = 500;
  private static final String FIND =
      "UPDATE delivery_incidents i SET cause_finished_us = (SELECT d.finished_us FROM"
          + " delivery_deployments d WHERE d.id = i.caused_by_deployment AND d.counts = TRUE"
          + " AND d.finished_us > i.opened_us) WHERE i.id = ? AND i.cause_finished_us IS NULL";

  private final JdbcTemplate jdbc;

  IncidentCauses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The column's value for each incident about to be stored (null when none yet). */
  Long[] finishes(List<Incident> incidents, AfterCommit after) {
    List<String> named = new ArrayList<>();
    for (Incident i : incidents) {
      if (i.causedByDeployment() != null) {
        named.add(i.causedByDeployment());
      }
    }
    Map<String, Long> finished = new HashMap<>();
    for (int c = 0; c < named.size(); c += CHUNK) {
      List<String> part = named.subList(c, Math.min(named.size(), c + CHUNK));
      jdbc.query(
          "SELECT id, finished_us FROM delivery_deployments WHERE counts = TRUE AND id IN ("
              + "?, ".repeat(part.size() - 1)
              + "?)",
          rs -> {
            finished.put(rs.getString(1), rs.getLong(2));
          },
          part.toArray());
    }
    Long[] out = new Long[incidents.size()];
    for (int k = 0; k < out.length; k++) {
      Incident i = incidents.get(k);
      if (i.causedByDeployment() == null) {
        continue;
      }
      Long f = finished.get(i.causedByDeployment());
      if (f == null) {
        after.causesToFind.add(new Object[] {i.id()});
      } else if (f > DeliveryFacts.micros(i.openedAt())) {
        out[k] = f;
      }
    }
    return out;
  }

  /** Gives incidents naming these newly stored deployments the column's value. */
  void deployed(List<Deployment> counting, AfterCommit after) {
    List<Object[]> rows = new ArrayList<>();
    for (Deployment d : counting) {
      long f = DeliveryFacts.micros(d.finishedAt());
      rows.add(new Object[] {f, d.id(), f});
    }
    if (!rows.isEmpty()) {
      update(rows);
      after.deployed.addAll(rows);
    }
  }

  /** The checks to run once the transaction that stored the events has committed. */
  void settle(AfterCommit after) {
    if (!after.causesToFind.isEmpty()) {
      jdbc.batchUpdate(FIND, after.causesToFind);
    }
    if (!after.deployed.isEmpty()) {
      update(after.deployed);
    }
  }

  private void update(List<Object[]> rows) {
    jdbc.batchUpdate(
        "UPDATE delivery_incidents SET cause_finished_us = ? WHERE caused_by_deployment = ?"
            + " AND opened_us < ? AND cause_finished_us IS NULL",
        rows);
  }
}
