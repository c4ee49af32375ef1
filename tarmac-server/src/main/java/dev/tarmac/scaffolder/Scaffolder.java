package dev.tarmac.scaffolder;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.scaffolder.engine.ScaffolderEngine;
import dev.tarmac.scaffolder.engine.TemplateSources;
import dev.tarmac.scaffolder.store.EventStore;
import dev.tarmac.scaffolder.store.TaskRow;
import dev.tarmac.scaffolder.store.TaskStore;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.scaffolder.ParameterProblem;
import dev.tarmac.sdk.scaffolder.Parameters;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The scaffolder's public facade: templates, actions, tasks, their events, and dry runs. */
@Service
public class Scaffolder {

  private final Catalog catalog;
  private final ScaffolderEngine engine;
  private final TaskStore tasks;
  private final EventStore events;
  private final DryRuns dryRuns;

  /** Wires the facade. */
  public Scaffolder(Catalog catalog, ScaffolderEngine engine, TaskStore tasks, EventStore events) {
    this.catalog = catalog;
    this.engine = engine;
    this.tasks = tasks;
    this.events = events;
    this.dryRuns = new DryRuns(engine);
  }

  /** Every registered action, self-described. */
  public List<ActionInfo> actions() {
    return engine.runner().actions().values().stream()
        .map(
            a ->
                new ActionInfo(
                    a.id(),
                    a.description(),
                    a.examples().stream()
                        .map(e -> new ActionInfo.Example(e.description(), e.example()))
                        .toList(),
                    new ActionInfo.Schemas(a.inputSchema(), a.outputSchema())))
        .toList();
  }

  /** The catalog's templates, for the gallery. */
  public List<TemplateSummary> templates() {
    return catalog.entities(List.of("kind=template"), null, null, 1000, 0).items().stream()
        .map(
            e -> {
              JsonNode m = e.path("metadata");
              List<String> tags = new ArrayList<>();
              m.path("tags").forEach(t -> tags.add(t.asString()));
              return new TemplateSummary(
                  ref(e),
                  m.path("title").asString(m.path("name").asString()),
                  m.path("description").asString(""),
                  e.path("spec").path("type").asString(""),
                  e.path("spec").path("owner").asString(""),
                  tags);
            })
        .toList();
  }

  /** A template's parameter pages, with {@code ui:} keys for the wizard. */
  public ParameterSchema parameterSchema(EntityRef ref) {
    TemplateDefinition t = definition(template(ref));
    return new ParameterSchema(
        t.title(),
        t.description(),
        t.parameters().stream()
            .map(
                p ->
                    new ParameterSchema.Page(
                        p.path("title").asString(t.title()), p.path("description").asString(""), p))
            .toList());
  }

  /**
   * Starts a task; answers failing their schema are a 400 naming the parameter.
   *
   * @return the task id
   */
  public String startTask(
      String templateRef, JsonNode values, Map<String, String> secrets, String user) {
    EntityRef ref = parseRef(templateRef);
    JsonNode entity = template(ref);
    TemplateDefinition t = definition(entity);
    ObjectNode answers = Parameters.withDefaults(t.parameters(), values);
    List<ParameterProblem> problems = Parameters.validate(t.parameters(), answers);
    if (!problems.isEmpty()) {
      throw ScaffolderException.input(
          "Invalid parameter "
              + problems.stream()
                  .map(ParameterProblem::toString)
                  .collect(Collectors.joining("; ")));
    }
    String id = UUID.randomUUID().toString();
    ObjectNode spec = Json.object();
    spec.set("template", entity);
    String base = TemplateSources.baseDir(entity);
    if (base != null) {
      spec.put("baseDir", base);
    }
    ArrayNode steps = Json.MAPPER.createArrayNode();
    t.steps()
        .forEach(
            s ->
                steps
                    .addObject()
                    .put("id", s.id())
                    .put("name", s.name())
                    .put("action", s.action())
                    .put("status", "open"));
    tasks.insert(
        id,
        ref.toString(),
        spec.toString(),
        answers.toString(),
        Json.write(secrets == null ? Map.of() : secrets),
        user == null ? "user:default/guest" : user,
        steps.toString(),
        Instant.now());
    return id;
  }

  /** A task. */
  public ScaffolderTask task(String id) {
    return view(
        tasks
            .find(id)
            .orElseThrow(() -> ScaffolderException.notFound("Task " + id + " does not exist")));
  }

  /** Tasks, newest first. */
  public List<ScaffolderTask> tasks(String createdBy, String status, int limit, int offset) {
    return tasks.list(createdBy, status, limit, offset).stream().map(this::view).toList();
  }

  /** Number of tasks matching. */
  public long countTasks(String createdBy, String status) {
    return tasks.count(createdBy, status);
  }

  /** A task's events after an event id (0 for all). */
  public List<TaskEvent> events(String taskId, long after) {
    task(taskId);
    return events.after(taskId, after).stream()
        .map(e -> new TaskEvent(e.id(), e.taskId(), e.type(), e.createdAt(), Json.parse(e.body())))
        .toList();
  }

  /** Cancels an open task at once, or asks the running replica to stop after the current step. */
  public String cancel(String id) {
    ScaffolderTask t = task(id);
    if (tasks.cancelOpen(id)) {
      events.append(
          id,
          "completion",
          "{\"message\":\"Task cancelled\",\"status\":\"cancelled\",\"output\":{}}",
          Instant.now());
      return "cancelled";
    }
    if (tasks.requestCancel(id)) {
      return "cancelled";
    }
    throw ScaffolderException.conflict(
        "Task " + id + " is " + t.status() + " and cannot be cancelled");
  }

  /** Runs a failed or cancelled task again from its first step. */
  public void retry(String id) {
    TaskRow row =
        tasks
            .find(id)
            .orElseThrow(() -> ScaffolderException.notFound("Task " + id + " does not exist"));
    ArrayNode steps = (ArrayNode) Json.parse(row.steps());
    steps.forEach(s -> ((ObjectNode) s).put("status", "open"));
    if (!tasks.reopen(id, steps.toString())) {
      throw ScaffolderException.conflict(
          "Task " + id + " is " + row.status() + "; only failed or cancelled tasks can be retried");
    }
    events.append(id, "log", "{\"message\":\"Task retried\"}", Instant.now());
  }

  /**
   * Runs a template given inline on in-memory files, with no side effects outside the workspace.
   */
  public DryRunResult dryRun(
      JsonNode template,
      JsonNode values,
      Map<String, String> secrets,
      Map<String, byte[]> directoryContents,
      String user) {
    return dryRuns.run(definition(template), values, secrets, directoryContents, user);
  }

  /**
   * What is wrong with answers to a template's parameters, defaults applied; empty when they are
   * valid. Lets a form show each problem beside its field before a task starts.
   */
  public List<dev.tarmac.sdk.scaffolder.ParameterProblem> validateParameters(
      String templateRef, JsonNode values) {
    TemplateDefinition t = definition(template(parseRef(templateRef)));
    return Parameters.validate(t.parameters(), Parameters.withDefaults(t.parameters(), values));
  }

  private JsonNode template(EntityRef ref) {
    if (!"template".equals(ref.kind())) {
      throw ScaffolderException.input("'" + ref + "' is not a template ref");
    }
    return catalog
        .entity(ref)
        .orElseThrow(() -> ScaffolderException.notFound("Template " + ref + " does not exist"));
  }

  private static TemplateDefinition definition(JsonNode entity) {
    try {
      return TemplateDefinition.parse(entity);
    } catch (dev.tarmac.sdk.scaffolder.ScaffolderException e) {
      throw ScaffolderException.input("Invalid template: " + e.getMessage());
    }
  }

  private static EntityRef parseRef(String ref) {
    try {
      return EntityRef.parse(ref == null ? "" : ref, "template", "default");
    } catch (IllegalArgumentException e) {
      throw ScaffolderException.input("Invalid templateRef: " + e.getMessage());
    }
  }

  private ScaffolderTask view(TaskRow row) {
    JsonNode stored = Json.parse(row.spec()).path("template");
    ObjectNode spec = Json.object();
    spec.put("apiVersion", stored.path("apiVersion").asString());
    spec.set("steps", stored.path("spec").path("steps"));
    spec.set("output", stored.path("spec").path("output"));
    spec.set("parameters", Json.parse(row.values()));
    spec.putObject("user").put("ref", row.createdBy());
    spec.putObject("templateInfo").put("entityRef", row.templateRef());
    List<TaskStep> steps = new ArrayList<>();
    Json.parse(row.steps())
        .forEach(
            s ->
                steps.add(
                    new TaskStep(
                        s.path("id").asString(),
                        s.path("name").asString(),
                        s.path("action").asString(),
                        s.path("status").asString("open"))));
    return new ScaffolderTask(
        row.id(),
        row.templateRef(),
        row.status(),
        row.createdBy(),
        row.createdAt(),
        row.lastHeartbeatAt(),
        spec,
        steps,
        row.output() == null ? null : Json.parse(row.output()),
        row.error());
  }

  private static String ref(JsonNode e) {
    return "template:"
        + e.path("metadata").path("namespace").asString("default")
        + "/"
        + e.path("metadata").path("name").asString();
  }
}
