package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.LeadTimes;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Delivery events in SQL: idempotent batch inserts and the window reads the metrics need. */
@Repository
public class DeliveryStore {

  private static final String DUPLICATE_FREE = " ON CONFLICT DO NOTHING";

  private final JdbcTemplate jdbc;

  /** Creates the store. */
  public DeliveryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores deployments (known tells which services are in the catalog); returns how many were new.
   */
  public int insertDeployments(List<Deployment> list, Set<String> known, Instant now) {
    List<Object[]> rows = new ArrayList<>(list.size());
    for (Deployment d : list) {
      rows.add(
          new Object[] {
            d.id(), d.service(), known.contains(d.service()), d.environment(), d.status(),
            d.counts(), ts(d.startedAt()), ts(d.finishedAt()), Json.write(d.commitShas()), ts(now)
          });
    }
    int[] done =
        jdbc.batchUpdate(
            "INSERT INTO delivery_deployments (id, service, known, environment, status, counts,"
                + " started_at, finished_at, commit_shas, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + DUPLICATE_FREE,
            rows);
    List<Object[]> shipped = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      Deployment d = list.get(i);
      if (done[i] != 0 && d.counts()) {
        for (String sha : d.commitShas()) {
          shipped.add(
              new Object[] {d.service(), sha, d.id(), ts(d.finishedAt()), d.service(), sha});
        }
      }
    }
    if (!shipped.isEmpty()) {
      int[] firsts =
          jdbc.batchUpdate(
              "INSERT INTO delivery_shipped (service, sha, deployment_id, deployed_at, started_at)"
                  + " VALUES (?, ?, ?, ?, (SELECT COALESCE(authored_at, committed_at)"
                  + " FROM delivery_changes WHERE service = ? AND sha = ?))"
                  + DUPLICATE_FREE,
              shipped);
      // A commit shipped before keeps its first deployment unless this one finished earlier
      // (events may arrive out of order); only those rows need the second statement.
      List<Object[]> earlier = new ArrayList<>();
      for (int i = 0; i < firsts.length; i++) {
        if (firsts[i] == 0) {
          Object[] r = shipped.get(i);
          earlier.add(new Object[] {r[2], r[3], r[0], r[1], r[3]});
        }
      }
      if (!earlier.isEmpty()) {
        jdbc.batchUpdate(
            "UPDATE delivery_shipped SET deployment_id = ?, deployed_at = ?"
                + " WHERE service = ? AND sha = ? AND deployed_at > ?",
            earlier);
      }
    }
    return inserted(done);
  }

  /** Stores changes, idempotent on (service, sha); returns how many were new. */
  public int insertChanges(List<Change> list, Set<String> known, Instant now) {
    List<Object[]> rows = new ArrayList<>(list.size());
    for (Change c : list) {
      Change.PullRequest pr = c.pr();
      rows.add(
          new Object[] {
            c.service(),
            c.sha(),
            known.contains(c.service()),
            ts(c.authoredAt()),
            ts(c.committedAt()),
            pr == null ? null : pr.id(),
            pr == null ? null : ts(pr.openedAt()),
            pr == null ? null : ts(pr.mergedAt()),
            ts(now)
          });
    }
    int[] done =
        jdbc.batchUpdate(
            "INSERT INTO delivery_changes (service, sha, known, authored_at, committed_at, pr_id,"
                + " pr_opened_at, pr_merged_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + DUPLICATE_FREE,
            rows);
    // A change that arrives after the deployment that shipped it gives that row its start.
    List<Object[]> starts = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      Change c = list.get(i);
      if (done[i] != 0 && c.start() != null) {
        starts.add(new Object[] {ts(c.start()), c.service(), c.sha()});
      }
    }
    if (!starts.isEmpty()) {
      jdbc.batchUpdate(
          "UPDATE delivery_shipped SET started_at = ? WHERE service = ? AND sha = ?"
              + " AND started_at IS NULL",
          starts);
    }
    return inserted(done);
  }

  /** Stores incidents, idempotent on id; returns how many were new. */
  public int insertIncidents(List<Incident> list, Set<String> known, Instant now) {
    List<Object[]> rows = new ArrayList<>(list.size());
    for (Incident i : list) {
      rows.add(
          new Object[] {
            i.id(),
            i.service(),
            known.contains(i.service()),
            ts(i.openedAt()),
            ts(i.resolvedAt()),
            i.causedByDeployment(),
            ts(now)
          });
    }
    return inserted(
        jdbc.batchUpdate(
            "INSERT INTO delivery_incidents (id, service, known, opened_at, resolved_at,"
                + " caused_by_deployment, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + DUPLICATE_FREE,
            rows));
  }

  /** Successful production deployments finished in the window, optionally of some services. */
  public List<Deployment> deployments(Set<String> services, Instant from, Instant to) {
    return jdbc.query(
        "SELECT id, service, finished_at FROM delivery_deployments WHERE counts = TRUE"
            + " AND finished_at >= ? AND finished_at < ?"
            + in("service", services),
        (rs, n) ->
            new Deployment(
                rs.getString(1),
                rs.getString(2),
                Deployment.PRODUCTION,
                List.of(),
                null,
                instant(rs.getObject(3, OffsetDateTime.class)),
                Deployment.SUCCESS),
        args(services, ts(from), ts(to)));
  }

  /** Successful production deployments with these ids (named as causes). */
  public List<Deployment> countingDeployments(Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "SELECT id, service, finished_at FROM delivery_deployments WHERE counts = TRUE"
            + in("id", ids),
        (rs, n) ->
            new Deployment(
                rs.getString(1),
                rs.getString(2),
                Deployment.PRODUCTION,
                List.of(),
                null,
                instant(rs.getObject(3, OffsetDateTime.class)),
                Deployment.SUCCESS),
        ids.toArray());
  }

  /** Lead-time samples of commits first shipped in the window (non-positive ones dropped). */
  public List<LeadTimes.Sample> leadTimes(Set<String> services, Instant from, Instant to) {
    List<LeadTimes.Sample> out = new ArrayList<>();
    RowCallbackHandler add =
        rs -> {
          Instant deployed = instant(rs.getObject(3, OffsetDateTime.class));
          Instant start = instant(rs.getObject(4, OffsetDateTime.class));
          long seconds = start == null ? 0 : deployed.getEpochSecond() - start.getEpochSecond();
          if (seconds > 0) {
            out.add(new LeadTimes.Sample(rs.getString(1), rs.getString(2), deployed, seconds));
          }
        };
    jdbc.query(
        "SELECT sha, deployment_id, deployed_at, started_at FROM delivery_shipped"
            + " WHERE deployed_at >= ? AND deployed_at < ? AND started_at IS NOT NULL"
            + in("service", services),
        add,
        args(services, ts(from), ts(to)));
    // A change and the deployment shipping it stored concurrently may each miss the other's
    // uncommitted row; such rows keep no start, so join only those.
    jdbc.query(
        "SELECT s.sha, s.deployment_id, s.deployed_at, COALESCE(c.authored_at, c.committed_at)"
            + " FROM delivery_shipped s JOIN delivery_changes c"
            + " ON c.service = s.service AND c.sha = s.sha"
            + " WHERE s.deployed_at >= ? AND s.deployed_at < ? AND s.started_at IS NULL"
            + in("s.service", services),
        add,
        args(services, ts(from), ts(to)));
    return out;
  }

  /** Incidents opened in the window, or naming a cause, optionally of some services. */
  public List<Incident> incidents(Set<String> services, Instant from, Instant to) {
    return jdbc.query(
        "SELECT id, service, opened_at, resolved_at, caused_by_deployment FROM delivery_incidents"
            + " WHERE opened_at < ? AND (opened_at >= ? OR caused_by_deployment IN (SELECT id"
            + " FROM delivery_deployments WHERE counts = TRUE AND finished_at >= ?"
            + " AND finished_at < ?))"
            + in("service", services),
        (rs, n) ->
            new Incident(
                rs.getString(1),
                rs.getString(2),
                instant(rs.getObject(3, OffsetDateTime.class)),
                instant(rs.getObject(4, OffsetDateTime.class)),
                rs.getString(5)),
        args(services, ts(to), ts(from), ts(from), ts(to)));
  }

  /**
   * The head commit of the latest successful deployment of a service to an environment before a
   * time.
   */
  public String previousSuccessfulHead(String service, String environment, Instant before) {
    List<String> shas =
        jdbc.query(
            "SELECT commit_shas FROM delivery_deployments WHERE service = ? AND environment = ?"
                + " AND status = 'success' AND finished_at < ? ORDER BY finished_at DESC LIMIT 1",
            (rs, n) -> rs.getString(1),
            service,
            environment,
            ts(before));
    if (shas.isEmpty()) {
      return null;
    }
    var list = Json.parse(shas.get(0));
    return list.isEmpty() ? null : list.get(0).asString();
  }

  /** Events whose service is not in the catalog, newest first. */
  public List<String[]> unknown(int limit) {
    return jdbc.query(
        "SELECT * FROM (SELECT 'deployment' AS t, id, service, received_at FROM"
            + " delivery_deployments WHERE known = FALSE UNION ALL SELECT 'change', sha, service,"
            + " received_at FROM delivery_changes WHERE known = FALSE UNION ALL SELECT 'incident',"
            + " id, service, received_at FROM delivery_incidents WHERE known = FALSE) u"
            + " ORDER BY received_at DESC LIMIT ?",
        (rs, n) ->
            new String[] {
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              instant(rs.getObject(4, OffsetDateTime.class)).toString()
            },
        limit);
  }

  private static String in(String column, Set<String> values) {
    return values == null
        ? ""
        : " AND " + column + " IN (" + "?,".repeat(values.size()).replaceAll(",$", "") + ")";
  }

  private static Object[] args(Set<String> services, Object... first) {
    List<Object> all = new ArrayList<>(List.of(first));
    if (services != null) {
      all.addAll(services);
    }
    return all.toArray();
  }

  private static int inserted(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c == 0 ? 0 : 1;
    }
    return n;
  }

  private static OffsetDateTime ts(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
