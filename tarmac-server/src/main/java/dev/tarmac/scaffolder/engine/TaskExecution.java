package dev.tarmac.scaffolder.engine;

import dev.tarmac.scaffolder.store.EventStore;
import dev.tarmac.scaffolder.store.TaskRow;
import dev.tarmac.scaffolder.store.TaskStore;
import dev.tarmac.sdk.scaffolder.FileSource;
import dev.tarmac.sdk.scaffolder.RunListener;
import dev.tarmac.sdk.scaffolder.RunRequest;
import dev.tarmac.sdk.scaffolder.RunResult;
import dev.tarmac.sdk.scaffolder.StepResult;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.Workspace;
import dev.tarmac.shared.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one claimed task: events to the log and step statuses to the row while the lease is held,
 * the result with the lease. When this replica is stopping, the task is left to its lease like a
 * crash would leave it, so another replica fails it with that reason.
 */
@Component
public class TaskExecution {

  private static final Logger LOG = LoggerFactory.getLogger(TaskExecution.class);

  private final TaskStore tasks;
  private final EventStore events;
  private final ScaffolderEngine engine;

  /** Wires the stores and engine. */
  public TaskExecution(TaskStore tasks, EventStore events, ScaffolderEngine engine) {
    this.tasks = tasks;
    this.events = events;
    this.engine = engine;
  }

  /**
   * Runs the task, which this replica holds with {@code owner}'s lease.
   *
   * @param cancelled whether a cancel was requested or the lease was lost (polled between steps)
   * @param stopping whether this replica is stopping: nothing more is written for the task
   */
  public void run(TaskRow row, String owner, BooleanSupplier cancelled, BooleanSupplier stopping) {
    Path work = engine.workRoot().resolve(row.id());
    RunResult result;
    List<String> stepIds = new ArrayList<>();
    Map<String, String> status = new LinkedHashMap<>();
    JsonNode spec = Json.parse(row.spec());
    ArrayNode steps = (ArrayNode) Json.parse(row.steps());
    steps.forEach(s -> stepIds.add(s.path("id").asString()));
    try {
      TemplateDefinition template = TemplateDefinition.parse(spec.path("template"));
      FileSource files =
          engine.files(
              TemplateSources.of(
                  spec.path("baseDir").isString() ? spec.path("baseDir").asString() : null));
      Map<String, String> secrets = new LinkedHashMap<>();
      if (row.secrets() != null) {
        Json.parse(row.secrets())
            .properties()
            .forEach(e -> secrets.put(e.getKey(), e.getValue().asString()));
      }
      clean(work);
      Files.createDirectories(work);
      RunRequest request =
          new RunRequest(
              template,
              Json.parse(row.values()),
              secrets,
              new Workspace(work),
              files,
              row.id(),
              row.createdBy(),
              null,
              row.templateRef(),
              false,
              () -> cancelled.getAsBoolean() || stopping.getAsBoolean());
      result =
          engine
              .runner()
              .run(
                  request,
                  new RunListener() {
                    @Override
                    public void log(String stepId, String message) {
                      if (!stopping.getAsBoolean()) {
                        held(row.id(), owner, body(message, stepId, null));
                      }
                    }

                    @Override
                    public void step(String stepId, String s) {
                      status.put(stepId, s);
                      if (!stopping.getAsBoolean()) {
                        held(row.id(), owner, body("Step " + stepId + " " + s, stepId, s));
                        tasks.saveSteps(row.id(), owner, withStatus(steps, status).toString());
                      }
                    }
                  });
    } catch (Exception e) {
      String message = "Task could not start: " + e.getMessage();
      held(row.id(), owner, body(message, null, null));
      result = new RunResult("failed", Json.object(), List.of(), message);
    } finally {
      clean(work);
    }
    if (stopping.getAsBoolean()) {
      LOG.warn(
          "Replica {} is stopping: task {} is left to its lease; another replica fails it",
          owner,
          row.id());
      return;
    }
    Map<String, String> finalStatus = new LinkedHashMap<>(status);
    for (StepResult s : result.steps()) {
      finalStatus.put(s.id(), s.status());
    }
    boolean held =
        tasks.finish(
            row.id(),
            owner,
            result.status(),
            result.output().toString(),
            withStatus(steps, finalStatus).toString(),
            result.error());
    if (!held) {
      LOG.warn("Task {} ended here after its lease was taken over; result dropped", row.id());
      return;
    }
    ObjectNode completion =
        body(
            result.error() == null
                ? "Run completed with status: " + result.status()
                : result.error(),
            null,
            result.status());
    completion.set("output", result.output());
    event(row.id(), "completion", completion);
  }

  private void event(String taskId, String type, ObjectNode body) {
    events.append(taskId, type, body.toString(), Instant.now());
  }

  private void held(String taskId, String owner, ObjectNode body) {
    events.appendHeld(taskId, owner, "log", body.toString(), Instant.now());
  }

  static ObjectNode body(String message, String stepId, String status) {
    ObjectNode b = Json.object();
    b.put("message", message);
    if (stepId != null) {
      b.put("stepId", stepId);
    }
    if (status != null) {
      b.put("status", status);
    }
    return b;
  }

  private static ArrayNode withStatus(ArrayNode steps, Map<String, String> status) {
    ArrayNode out = steps.deepCopy();
    for (JsonNode s : out) {
      String st = status.get(s.path("id").asString());
      if (st != null) {
        ((ObjectNode) s).put("status", st);
      }
    }
    return out;
  }

  private static void clean(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete workspace {}: {}", dir, e.getMessage());
    }
  }
}
