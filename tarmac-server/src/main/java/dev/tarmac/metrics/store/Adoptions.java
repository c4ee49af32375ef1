package dev.tarmac.metrics.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events stored under a name the catalog did not know: the names are listed in {@code
 * delivery_unknown_services}, and once the catalog has the component, its events move to the
 * component's ref, as if they had arrived after it was registered.
 */
final class Adoptions {

  private final JdbcTemplate jdbc;

  Adoptions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Lists names events were just stored under (in the storing transaction). The update takes the
   * row's lock, so an adoption of the same name waits for this transaction and then sees its rows.
   */
  void seen(Set<String> names, Instant now) {
    for (String name : names) {
      if (jdbc.update(
              "UPDATE delivery_unknown_services SET last_seen = ? WHERE service = ?",
              now.atOffset(ZoneOffset.UTC),
              name)
          == 0) {
        jdbc.update(
            "INSERT INTO delivery_unknown_services (service, last_seen) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING",
            name,
            now.atOffset(ZoneOffset.UTC));
      }
    }
  }

  /** Names events are stored under that the catalog did not know. */
  List<String> names() {
    return jdbc.queryForList("SELECT service FROM delivery_unknown_services", String.class);
  }

  /**
   * Moves the events stored under a name to a component's ref (to run in one transaction); false
   * when another replica did it first.
   */
  boolean adopt(String name, String ref) {
    // Delete first: this waits for any intake still storing events under the name (see seen).
    if (jdbc.update("DELETE FROM delivery_unknown_services WHERE service = ?", name) == 0) {
      return false;
    }
    for (String table : List.of("delivery_deployments", "delivery_incidents")) {
      jdbc.update(
          "UPDATE " + table + " SET service = ?, known = TRUE WHERE service = ? AND known = FALSE",
          ref,
          name);
    }
    if (!name.equals(ref)) {
      // A change sent under both names is one change.
      jdbc.update(
          "DELETE FROM delivery_changes c WHERE c.service = ? AND EXISTS (SELECT 1 FROM"
              + " delivery_changes k WHERE k.service = ? AND k.sha = c.sha)",
          name,
          ref);
      // A commit shipped under both names keeps its earlier deployment.
      jdbc.update(
          "UPDATE delivery_shipped k SET deployment_id = (SELECT r.deployment_id FROM"
              + " delivery_shipped r WHERE r.service = ? AND r.sha = k.sha), deployed_at ="
              + " (SELECT r.deployed_at FROM delivery_shipped r WHERE r.service = ? AND r.sha ="
              + " k.sha), deployed_us = (SELECT r.deployed_us FROM delivery_shipped r WHERE"
              + " r.service = ? AND r.sha = k.sha), lead_s = NULL WHERE k.service = ? AND EXISTS"
              + " (SELECT 1 FROM delivery_shipped r WHERE r.service = ? AND r.sha = k.sha AND"
              + " r.deployed_us < k.deployed_us)",
          name,
          name,
          name,
          ref,
          name);
      jdbc.update(
          "DELETE FROM delivery_shipped r WHERE r.service = ? AND EXISTS (SELECT 1 FROM"
              + " delivery_shipped k WHERE k.service = ? AND k.sha = r.sha)",
          name,
          ref);
      jdbc.update(
          "UPDATE delivery_shipped SET service = ?, lead_s = NULL WHERE service = ?", ref, name);
    }
    jdbc.update(
        "UPDATE delivery_changes SET service = ?, known = TRUE WHERE service = ? AND known = FALSE",
        ref,
        name);
    // Commits moved or joined with their change get their lead time (again).
    jdbc.update(
        "UPDATE delivery_shipped s SET started_at = (SELECT COALESCE(c.authored_at,"
            + " c.committed_at) FROM delivery_changes c WHERE c.service = s.service AND c.sha ="
            + " s.sha), lead_s = (s.deployed_us - (SELECT c.start_us FROM delivery_changes c"
            + " WHERE c.service = s.service AND c.sha = s.sha)) / 1000000 WHERE s.service = ?"
            + " AND s.lead_s IS NULL",
        ref);
    return true;
  }
}
