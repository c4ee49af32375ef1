package dev.tarmac.scaffolder.engine;

import dev.tarmac.scaffolder.ScaffolderSettings;
import dev.tarmac.scaffolder.store.EventStore;
import dev.tarmac.scaffolder.store.TaskRow;
import dev.tarmac.scaffolder.store.TaskStore;
import dev.tarmac.shared.Json;
import dev.tarmac.shared.TarmacSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims open tasks with a lease and runs them, heart-beating while they run; fails tasks whose
 * replica stopped heart-beating (their lease ran out) with that reason, since steps already run may
 * have had side effects that a blind re-run would repeat. A replica that stops leaves its running
 * tasks to their leases, exactly as a crash would.
 */
@Component
public class TaskWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TaskWorker.class);

  private final TaskStore tasks;
  private final EventStore events;
  private final TaskExecution execution;
  private final ScaffolderSettings settings;
  private final String owner;
  private volatile boolean running;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private Thread loop;
  private ExecutorService pool;
  private ScheduledExecutorService heartbeats;
  private Semaphore slots;

  /** Wires the worker. */
  public TaskWorker(
      TaskStore tasks,
      EventStore events,
      TaskExecution execution,
      ScaffolderSettings settings,
      TarmacSettings tarmac) {
    this.tasks = tasks;
    this.events = events;
    this.execution = execution;
    this.settings = settings;
    this.owner =
        (tarmac.instanceId() == null ? "replica" : tarmac.instanceId())
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void start() {
    if (!settings.workers()) {
      return;
    }
    running = true;
    stopping.set(false);
    slots = new Semaphore(settings.concurrency());
    pool =
        Executors.newFixedThreadPool(settings.concurrency(), r -> new Thread(r, "scaffolder-task"));
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scaffolder-heartbeat"));
    loop = new Thread(this::loop, "scaffolder-worker");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * Stops claiming and heart-beating and stops writing for the running tasks, which end at their
   * next step boundary; their leases run out and another replica fails them. Threads are not
   * interrupted unless they overstay, since an interrupt during file I/O closes the file channel of
   * an embedded H2 database.
   */
  @Override
  public void stop() {
    stopping.set(true);
    running = false;
    if (loop == null) {
      return;
    }
    heartbeats.shutdown();
    pool.shutdown();
    try {
      loop.join(settings.pollInterval().toMillis() + 2000);
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("Scaffolder tasks still running at shutdown; interrupting them");
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** This replica's lease owner id. */
  public String owner() {
    return owner;
  }

  private void loop() {
    while (running) {
      try {
        reapAbandoned();
        if (slots.tryAcquire()) {
          Instant now = Instant.now();
          Optional<TaskRow> claimed = tasks.claim(owner, now, now.plus(settings.leaseTimeout()));
          if (claimed.isPresent()) {
            pool.submit(() -> runHeld(claimed.get()));
            continue;
          }
          slots.release();
        }
        Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Scaffolder worker loop failed: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  private void runHeld(TaskRow row) {
    AtomicBoolean cancelled = new AtomicBoolean();
    Duration lease = settings.leaseTimeout();
    long period = Math.max(100, Math.min(lease.toMillis() / 3, 1000));
    ScheduledFuture<?> beat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              try {
                Instant now = Instant.now();
                if (!tasks.heartbeat(row.id(), owner, now, now.plus(lease))
                    || tasks.cancelRequested(row.id())) {
                  cancelled.set(true);
                }
              } catch (RuntimeException e) {
                LOG.warn("Heartbeat for task {} failed: {}", row.id(), e.getMessage());
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    try {
      execution.run(row, owner, cancelled::get, stopping::get);
    } catch (RuntimeException e) {
      LOG.error("Task {} crashed", row.id(), e);
    } finally {
      beat.cancel(false);
      slots.release();
    }
  }

  /** Fails tasks whose replica stopped heart-beating. */
  public void reapAbandoned() {
    for (TaskRow row : tasks.abandoned(Instant.now())) {
      String message =
          "Task abandoned: replica "
              + row.claimedBy()
              + " stopped while running it (its lease expired at "
              + row.leaseUntil()
              + ") and replica "
              + owner
              + " failed it. It was not resumed because steps already run may have had side"
              + " effects; retry it to run it again.";
      if (tasks.failAbandoned(row, message, interrupted(row.steps()))) {
        events.append(
            row.id(), "log", TaskExecution.body(message, null, "failed").toString(), Instant.now());
        ObjectNode completion = TaskExecution.body(message, null, "failed");
        completion.set("output", Json.object());
        events.append(row.id(), "completion", completion.toString(), Instant.now());
        LOG.warn("{}", message);
      }
    }
  }

  /** The step that was running when the replica stopped failed with it. */
  private static String interrupted(String steps) {
    if (steps == null) {
      return null;
    }
    JsonNode parsed = Json.parse(steps);
    for (JsonNode s : parsed) {
      if ("processing".equals(s.path("status").asString(""))) {
        ((ObjectNode) s).put("status", "failed");
      }
    }
    return parsed.toString();
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
