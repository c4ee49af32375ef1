package dev.tarmac.scaffolder.store;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A task's append-only event log. */
@Repository
public class EventStore {

  /**
   * An event row.
   *
   * @param id increasing id
   * @param taskId the task
   * @param type log or completion
   * @param body JSON body
   * @param createdAt when
   */
  public record EventRow(long id, String taskId, String type, String body, Instant createdAt) {}

  private final JdbcClient jdbc;

  /** A store on the application's database. */
  public EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an event. */
  public void append(String taskId, String type, String body, Instant now) {
    jdbc.sql(
            "INSERT INTO scaffolder_task_events (task_id, event_type, body, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(taskId, type, body, TaskStore.ts(now))
        .update();
  }

  /**
   * Appends an event only while {@code owner} holds the task's lease, in one statement, so a
   * replica that lost its task (it was failed as abandoned) cannot add to a log that has ended.
   *
   * @return false when the lease was not held and nothing was written
   */
  public boolean appendHeld(String taskId, String owner, String type, String body, Instant now) {
    return jdbc.sql(
                "INSERT INTO scaffolder_task_events (task_id, event_type, body, created_at)"
                    + " SELECT id, CAST(? AS VARCHAR(16)), CAST(? AS TEXT), CAST(? AS TIMESTAMP)"
                    + " FROM scaffolder_tasks WHERE id = ? AND claimed_by = ?"
                    + " AND status = 'processing'")
            .params(type, body, TaskStore.ts(now), taskId, owner)
            .update()
        == 1;
  }

  /** Events after an id, oldest first. */
  public List<EventRow> after(String taskId, long afterId) {
    return jdbc.sql(
            "SELECT id, task_id, event_type, body, created_at FROM scaffolder_task_events"
                + " WHERE task_id = ? AND id > ? ORDER BY id")
        .params(taskId, afterId)
        .query(
            (rs, n) ->
                new EventRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    TaskStore.instant(rs.getObject(5))))
        .list();
  }
}
