package dev.tarmac.metrics.store;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.DeliveryFacts;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import dev.tarmac.sdk.delivery.Window;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/** Delivery events in SQL: idempotent batch inserts and the window reads the metrics need. */
@Repository
public class DeliveryStore {

  private static final List<IdempotentInsert.Column> DEPLOYMENT_COLUMNS =
      columns(
          "id varchar, service varchar, known boolean, environment varchar, status varchar,"
              + " counts boolean, started_at timestamptz, finished_at timestamptz,"
              + " finished_us bigint, commit_shas text, received_at timestamptz");
  private static final List<IdempotentInsert.Column> CHANGE_COLUMNS =
      columns(
          "service varchar, sha varchar, known boolean, authored_at timestamptz,"
              + " committed_at timestamptz, start_us bigint, pr_id varchar,"
              + " pr_opened_at timestamptz, pr_merged_at timestamptz, received_at timestamptz");
  private static final List<IdempotentInsert.Column> INCIDENT_COLUMNS =
      columns(
          "id varchar, service varchar, known boolean, opened_at timestamptz, opened_us bigint,"
              + " resolved_at timestamptz, resolved_us bigint, caused_by_deployment varchar,"
              + " cause_finished_us bigint, received_at timestamptz");

  private final JdbcTemplate jdbc;
  private final IdempotentInsert inserts;
  private final ShippedCommits shipped;
  private final IncidentCauses causes;
  private final WindowReads reads;
  private final Adoptions adoptions;
  private final PostgresIntake postgresIntake;

  /** Creates the store. */
  public DeliveryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    boolean postgres = postgres(jdbc);
    this.inserts = new IdempotentInsert(jdbc, postgres);
    this.shipped = new ShippedCommits(jdbc);
    this.causes = new IncidentCauses(jdbc);
    this.reads = new WindowReads(jdbc, postgres);
    this.adoptions = new Adoptions(jdbc);
    this.postgresIntake = postgres ? new PostgresIntake(jdbc) : null;
  }

  /** What an intake transaction leaves to check once it has committed: pass it to settle. */
  public static final class Pending {
    private final AfterCommit after = new AfterCommit();
  }

  /** Stores deployments and settles at once (for callers without a transaction). */
  public int insertDeployments(List<Deployment> list, Set<String> known, Instant now) {
    Pending pending = new Pending();
    int n = insertDeployments(list, known, now, pending);
    settle(pending);
    return n;
  }

  /**
   * Stores deployments (known tells which services are in the catalog); returns how many were new.
   */
  public int insertDeployments(
      List<Deployment> list, Set<String> known, Instant now, Pending pending) {
    List<Object[]> rows = new ArrayList<>(list.size());
    for (Deployment d : list) {
      rows.add(
          new Object[] {
            d.id(),
            d.service(),
            known.contains(d.service()),
            d.environment(),
            d.status(),
            d.counts(),
            d.startedAt(),
            d.finishedAt(),
            DeliveryFacts.micros(d.finishedAt()),
            Json.write(d.commitShas()),
            now
          });
    }
    if (postgresIntake != null) {
      return list.isEmpty() ? 0 : insertDeploymentsPostgres(list, rows, pending);
    }
    boolean[] stored = inserts.insert("delivery_deployments", DEPLOYMENT_COLUMNS, 1, rows);
    List<Deployment> counting = new ArrayList<>();
    for (int i = 0; i < stored.length; i++) {
      if (stored[i] && list.get(i).counts()) {
        counting.add(list.get(i));
      }
    }
    shipped.shipped(counting, pending.after);
    causes.deployed(counting, pending.after);
    return count(stored);
  }

  /** PostgreSQL: one statement for the deployments, their shipped commits and named incidents. */
  private int insertDeploymentsPostgres(
      List<Deployment> list, List<Object[]> rows, Pending pending) {
    // Of deployments sharing an id within the call, only the first can be stored.
    Set<String> ids = new HashSet<>();
    boolean[] first = new boolean[list.size()];
    List<Object[]> unique = new ArrayList<>(list.size());
    List<Object[]> commits = new ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      Deployment d = list.get(i);
      first[i] = ids.add(d.id());
      if (first[i]) {
        unique.add(rows.get(i));
        if (d.counts()) {
          for (String sha : d.commitShas()) {
            commits.add(new Object[] {d.id(), d.service(), sha, d.finishedAt()});
          }
        }
      }
    }
    PostgresIntake.Deployed result =
        postgresIntake.deployments(DEPLOYMENT_COLUMNS, unique, commits);
    pending.after.unstarted.addAll(result.unstarted());
    int n = 0;
    for (int i = 0; i < first.length; i++) {
      Deployment d = list.get(i);
      if (first[i] && result.ids().contains(d.id())) {
        n++;
        if (d.counts()) {
          long f = DeliveryFacts.micros(d.finishedAt());
          pending.after.deployed.add(new Object[] {f, d.id(), f});
        }
      }
    }
    return n;
  }

  /** Stores changes and settles at once (for callers without a transaction). */
  public int insertChanges(List<Change> list, Set<String> known, Instant now) {
    Pending pending = new Pending();
    int n = insertChanges(list, known, now, pending);
    settle(pending);
    return n;
  }

  /** Stores changes, idempotent on (service, sha); returns how many were new. */
  public int insertChanges(List<Change> list, Set<String> known, Instant now, Pending pending) {
    List<Object[]> rows = new ArrayList<>(list.size());
    for (Change c : list) {
      Change.PullRequest pr = c.pr();
      rows.add(
          new Object[] {
            c.service(),
            c.sha(),
            known.contains(c.service()),
            c.authoredAt(),
            c.committedAt(),
            c.start() == null ? null : DeliveryFacts.micros(c.start()),
            pr == null ? null : pr.id(),
            pr == null ? null : pr.openedAt(),
            pr == null ? null : pr.mergedAt(),
            now
          });
    }
    if (postgresIntake != null && !list.isEmpty()) {
      // One statement stores the changes and starts the commits already shipped.
      Set<String> keys = postgresIntake.changes(CHANGE_COLUMNS, rows);
      int n = 0;
      for (Change c : list) {
        // remove: a later change with the same key was a duplicate within the call.
        if (keys.remove(c.service() + '\u0000' + c.sha())) {
          n++;
          if (c.start() != null) {
            pending.after.started.add(
                new Object[] {c.service(), c.sha(), c.start(), DeliveryFacts.micros(c.start())});
          }
        }
      }
      return n;
    }
    boolean[] stored = inserts.insert("delivery_changes", CHANGE_COLUMNS, 2, rows);
    List<Change> fresh = new ArrayList<>();
    for (int i = 0; i < stored.length; i++) {
      if (stored[i]) {
        fresh.add(list.get(i));
      }
    }
    // A change that arrives after the deployment that shipped it gives that row its start.
    shipped.started(fresh, pending.after);
    return fresh.size();
  }

  /** Stores incidents and settles at once (for callers without a transaction). */
  public int insertIncidents(List<Incident> list, Set<String> known, Instant now) {
    Pending pending = new Pending();
    int n = insertIncidents(list, known, now, pending);
    settle(pending);
    return n;
  }

  /** Stores incidents, idempotent on id; returns how many were new. */
  public int insertIncidents(List<Incident> list, Set<String> known, Instant now, Pending pending) {
    Long[] causeFinished = causes.finishes(list, pending.after);
    List<Object[]> rows = new ArrayList<>(list.size());
    for (int k = 0; k < list.size(); k++) {
      Incident i = list.get(k);
      rows.add(
          new Object[] {
            i.id(),
            i.service(),
            known.contains(i.service()),
            i.openedAt(),
            DeliveryFacts.micros(i.openedAt()),
            i.resolvedAt(),
            i.resolvedAt() == null ? null : DeliveryFacts.micros(i.resolvedAt()),
            i.causedByDeployment(),
            causeFinished[k],
            now
          });
    }
    boolean[] stored = inserts.insert("delivery_incidents", INCIDENT_COLUMNS, 1, rows);
    return count(stored);
  }

  /** Finishes an intake once its transaction has committed (see {@link ShippedCommits}). */
  public void settle(Pending pending) {
    if (postgresIntake != null) {
      postgresIntake.settle(pending.after);
      return;
    }
    shipped.settle(pending.after);
    causes.settle(pending.after);
  }

  /**
   * Finishes an intake once its transaction has committed: on PostgreSQL one statement, atomic by
   * itself; on H2 in a short transaction of its own (one commit, not one per statement).
   */
  public void settle(Pending pending, TransactionOperations tx) {
    if (postgresIntake != null) {
      settle(pending);
    } else {
      tx.executeWithoutResult(s -> settle(pending));
    }
  }

  /**
   * The facts of a report: successful production deployments, lead times and incidents of some
   * services (null: all) over a window. Run it in a transaction for streaming on PostgreSQL.
   */
  public DeliveryFacts facts(Set<String> services, Window window) {
    return reads.read(services, ceilMicros(window.from()), ceilMicros(window.to()));
  }

  /** Names events are stored under that the catalog did not know when they arrived. */
  public List<String> unknownNames() {
    return adoptions.names();
  }

  /**
   * Moves events stored under a name to a component's ref, in the caller's transaction; false when
   * another replica did it first.
   */
  public boolean adopt(String name, String ref) {
    return adoptions.adopt(name, ref);
  }

  /**
   * The head commit of the latest successful deployment of a service to an environment before a
   * time.
   */
  public String previousSuccessfulHead(String service, String environment, Instant before) {
    List<String> shas =
        jdbc.query(
            "SELECT commit_shas FROM delivery_deployments WHERE service = ? AND environment = ?"
                + " AND status = 'success' AND finished_us < ? ORDER BY finished_us DESC LIMIT 1",
            (rs, n) -> rs.getString(1),
            service,
            environment,
            DeliveryFacts.micros(before));
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

  /**
   * Lists the names events were just stored under that the catalog does not know (call once per
   * intake transaction, in it: the rows it locks make a concurrent adoption wait).
   */
  public void rememberUnknown(Set<String> names, Instant now) {
    adoptions.seen(new TreeSet<>(names), now);
  }

  private static int count(boolean[] stored) {
    int n = 0;
    for (boolean b : stored) {
      n += b ? 1 : 0;
    }
    return n;
  }

  private static long ceilMicros(Instant t) {
    long floor = DeliveryFacts.micros(t);
    return t.getNano() % 1000 == 0 ? floor : floor + 1;
  }

  private static List<IdempotentInsert.Column> columns(String spec) {
    List<IdempotentInsert.Column> out = new ArrayList<>();
    for (String c : spec.split(",")) {
      String[] p = c.trim().split(" ");
      out.add(new IdempotentInsert.Column(p[0], p[1]));
    }
    return out;
  }

  private static boolean postgres(JdbcTemplate jdbc) {
    Boolean pg =
        jdbc.execute(
            (ConnectionCallback<Boolean>)
                c ->
                    c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres"));
    return Boolean.TRUE.equals(pg);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
