package dev.tarmac.scaffolder.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Task rows. Claims, heartbeats and completions are compare-and-set updates on the lease, so any
 * number of replicas share the queue and a replica that lost its lease cannot overwrite a result.
 */
@Repository
public class TaskStore {

  private static final String COLUMNS =
      "id, template_ref, spec, task_values, secrets, status, created_by, created_at,"
          + " last_heartbeat_at, claimed_by, lease_until, cancel_requested, output, steps, error";

  private final JdbcClient jdbc;

  /** A store on the application's database. */
  public TaskStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds an open task. */
  public void insert(
      String id,
      String templateRef,
      String spec,
      String values,
      String secrets,
      String createdBy,
      String steps,
      Instant now) {
    jdbc.sql(
            "INSERT INTO scaffolder_tasks (id, template_ref, spec, task_values, secrets, status,"
                + " created_by, created_at, steps) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)")
        .params(id, templateRef, spec, values, secrets, createdBy, ts(now), steps)
        .update();
  }

  /** The task, if any. */
  public Optional<TaskRow> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM scaffolder_tasks WHERE id = ?")
        .param(id)
        .query(TaskStore::row)
        .optional();
  }

  /** Tasks, newest first, optionally by creator and status. */
  public List<TaskRow> list(String createdBy, String status, int limit, int offset) {
    return where(
            jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM scaffolder_tasks"
                    + filter(createdBy, status)
                    + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"),
            createdBy,
            status)
        .param("limit", limit)
        .param("offset", offset)
        .query(TaskStore::row)
        .list();
  }

  /** Number of tasks by creator and status. */
  public long count(String createdBy, String status) {
    return where(
            jdbc.sql("SELECT COUNT(*) FROM scaffolder_tasks" + filter(createdBy, status)),
            createdBy,
            status)
        .query(Long.class)
        .single();
  }

  private static String filter(String createdBy, String status) {
    List<String> parts = new java.util.ArrayList<>();
    if (createdBy != null) {
      parts.add("created_by = :by");
    }
    if (status != null) {
      parts.add("status = :st");
    }
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  private static JdbcClient.StatementSpec where(
      JdbcClient.StatementSpec spec, String createdBy, String status) {
    JdbcClient.StatementSpec out = spec;
    if (createdBy != null) {
      out = out.param("by", createdBy);
    }
    if (status != null) {
      out = out.param("st", status);
    }
    return out;
  }

  /** Claims the oldest open task for {@code owner}, if any. */
  public Optional<TaskRow> claim(String owner, Instant now, Instant leaseUntil) {
    List<String> ids =
        jdbc.sql(
                "SELECT id FROM scaffolder_tasks WHERE status = 'open'"
                    + " ORDER BY created_at, id LIMIT 5")
            .query(String.class)
            .list();
    for (String id : ids) {
      int n =
          jdbc.sql(
                  "UPDATE scaffolder_tasks SET status = 'processing', claimed_by = ?,"
                      + " lease_until = ?, last_heartbeat_at = ? WHERE id = ? AND status = 'open'")
              .params(owner, ts(leaseUntil), ts(now), id)
              .update();
      if (n == 1) {
        return find(id);
      }
    }
    return Optional.empty();
  }

  /** Extends the lease; false when another replica took it or the task ended. */
  public boolean heartbeat(String id, String owner, Instant now, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET lease_until = ?, last_heartbeat_at = ?"
                    + " WHERE id = ? AND claimed_by = ? AND status = 'processing'")
            .params(ts(leaseUntil), ts(now), id, owner)
            .update()
        == 1;
  }

  /** Saves the step statuses while {@code owner} holds the task's lease. */
  public boolean saveSteps(String id, String owner, String steps) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET steps = ? WHERE id = ? AND claimed_by = ?"
                    + " AND status = 'processing'")
            .params(steps, id, owner)
            .update()
        == 1;
  }

  /** Whether a cancel was requested. */
  public boolean cancelRequested(String id) {
    return jdbc.sql("SELECT cancel_requested FROM scaffolder_tasks WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Ends a task this replica holds; secrets are dropped unless it may be retried. False when the
   * lease was lost (the task was already failed as abandoned).
   */
  public boolean finish(
      String id, String owner, String status, String output, String steps, String error) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET status = ?, output = ?, steps = ?, error = ?,"
                    + " claimed_by = NULL, lease_until = NULL,"
                    + " secrets = CASE WHEN ? = 'completed' THEN NULL ELSE secrets END"
                    + " WHERE id = ? AND claimed_by = ? AND status = 'processing'")
            .params(status, output, steps, error, status, id, owner)
            .update()
        == 1;
  }

  /** Tasks whose lease ran out: their replica stopped. */
  public List<TaskRow> abandoned(Instant now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM scaffolder_tasks WHERE status = 'processing'"
                + " AND lease_until < ? ORDER BY created_at LIMIT 50")
        .param(ts(now))
        .query(TaskStore::row)
        .list();
  }

  /** Fails an abandoned task, if its lease is still the expired one; steps as given. */
  public boolean failAbandoned(TaskRow row, String error, String steps) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET status = 'failed', error = ?, steps = ?,"
                    + " claimed_by = NULL, lease_until = NULL WHERE id = ?"
                    + " AND status = 'processing' AND claimed_by = ? AND lease_until = ?")
            .params(error, steps, row.id(), row.claimedBy(), ts(row.leaseUntil()))
            .update()
        == 1;
  }

  /** Fails an abandoned task, if its lease is still the expired one. */
  public boolean failAbandoned(TaskRow row, String error) {
    return failAbandoned(row, error, row.steps());
  }

  /** Cancels an open task at once; returns false when it is not open. */
  public boolean cancelOpen(String id) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET status = 'cancelled', secrets = NULL"
                    + " WHERE id = ? AND status = 'open'")
            .param(id)
            .update()
        == 1;
  }

  /** Asks the replica running a task to stop it. */
  public boolean requestCancel(String id) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET cancel_requested = TRUE WHERE id = ?"
                    + " AND status = 'processing'")
            .param(id)
            .update()
        == 1;
  }

  /** Opens a failed or cancelled task again. */
  public boolean reopen(String id, String steps) {
    return jdbc.sql(
                "UPDATE scaffolder_tasks SET status = 'open', cancel_requested = FALSE,"
                    + " error = NULL, output = NULL, steps = ? WHERE id = ? AND status IN ('failed', 'cancelled')")
            .params(steps, id)
            .update()
        == 1;
  }

  /** For tests: moves a task's lease into the past, as if its replica died. */
  public void expireLease(String id) {
    jdbc.sql("UPDATE scaffolder_tasks SET lease_until = ? WHERE id = ?")
        .params(ts(Instant.now().minusSeconds(3600)), id)
        .update();
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    return value instanceof Instant i ? i : null;
  }

  private static TaskRow row(ResultSet rs, int n) throws SQLException {
    return new TaskRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        instant(rs.getObject(8)),
        instant(rs.getObject(9)),
        rs.getString(10),
        instant(rs.getObject(11)),
        rs.getBoolean(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15));
  }
}
