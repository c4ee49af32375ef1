package dev.tarmac.sdk.scaffolder;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tarmac.sdk.scaffolder.actions.FetchActions;
import dev.tarmac.sdk.scaffolder.actions.WorkspaceActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a template's steps in order: validates the answers, checks every action exists before
 * anything runs, evaluates {@code if}, {@code each} and inputs, validates each input against its
 * action's schema, and evaluates the template's output.
 */
public final class TaskRunner {

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private final Map<String, Action> actions;
  private final Expressions expressions;
  private final List<String> masked;

  /** A runner with the given actions (ids must be unique). */
  public TaskRunner(Collection<Action> actions, Expressions expressions) {
    this(actions, expressions, List.of());
  }

  /**
   * A runner with the given actions that also masks {@code masked} in every log line and error of
   * every run, besides each run's secrets: credentials the actions get from settings rather than
   * from the task, such as integration tokens.
   */
  public TaskRunner(
      Collection<Action> actions, Expressions expressions, Collection<String> masked) {
    Map<String, Action> byId = new TreeMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    this.actions = byId;
    this.expressions = expressions;
    this.masked = masked.stream().filter(m -> m != null && !m.isEmpty()).toList();
  }

  /** The workspace-only built-in actions (fetch, fs, debug, catalog:write). */
  public static List<Action> builtinActions() {
    List<Action> all = new ArrayList<>(FetchActions.all());
    all.addAll(WorkspaceActions.all());
    return all;
  }

  /** The registered actions, by id. */
  public Map<String, Action> actions() {
    return actions;
  }

  /** Runs the template; never throws for a template or action failure (it is in the result). */
  public RunResult run(RunRequest request, RunListener rawListener) {
    Map<String, String> hidden = new LinkedHashMap<>(request.secrets());
    for (int i = 0; i < masked.size(); i++) {
      hidden.put("\0masked" + i, masked.get(i));
    }
    RunListener listener = Masking.wrap(rawListener, hidden);
    TemplateDefinition template = request.template();
    List<StepResult> results = new ArrayList<>();
    template
        .steps()
        .forEach(s -> results.add(new StepResult(s.id(), s.name(), s.action(), "open", null)));
    ObjectNode values = Parameters.withDefaults(template.parameters(), request.values());
    List<ParameterProblem> problems = Parameters.validate(template.parameters(), values);
    if (!problems.isEmpty()) {
      return failed(listener, results, null, "parameter " + problems.get(0), hidden);
    }
    for (TemplateStep s : template.steps()) {
      if (!actions.containsKey(s.action())) {
        return failed(
            listener,
            results,
            null,
            "Step '" + s.id() + "' uses unknown action '" + s.action() + "'; nothing was run");
      }
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("parameters", Values.plain(values));
    context.put("secrets", new LinkedHashMap<>(request.secrets()));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("ref", request.user());
    user.put("entity", Values.plain(request.userEntity()));
    context.put("user", user);
    context.put(
        "context", Map.of("task", Map.of("id", request.taskId() == null ? "" : request.taskId())));
    Map<String, Object> steps = new LinkedHashMap<>();
    context.put("steps", steps);
    for (int i = 0; i < template.steps().size(); i++) {
      TemplateStep step = template.steps().get(i);
      if (request.cancelled().getAsBoolean()) {
        listener.step(step.id(), "cancelled");
        results.set(i, withStatus(results.get(i), "cancelled", null));
        listener.log(null, "Task cancelled before step '" + step.id() + "'");
        return new RunResult("cancelled", Values.JSON.createObjectNode(), results, "cancelled");
      }
      try {
        if (step.condition() != null
            && !Values.truthy(expressions.evaluate(step.condition(), context, step.id() + ".if"))) {
          listener.log(
              step.id(), "Skipping step " + step.id() + " because its if condition was false");
          listener.step(step.id(), "skipped");
          results.set(i, withStatus(results.get(i), "skipped", null));
          continue;
        }
        listener.step(step.id(), "processing");
        listener.log(step.id(), "Beginning step " + step.name());
        ObjectNode output = runStep(request, step, context, listener);
        steps.put(step.id(), Map.of("output", Values.plain(output)));
        listener.log(step.id(), "Finished step " + step.name());
        listener.step(step.id(), "completed");
        results.set(i, withStatus(results.get(i), "completed", output));
      } catch (Exception e) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        listener.step(step.id(), "failed");
        results.set(i, withStatus(results.get(i), "failed", null));
        return failed(
            listener,
            results,
            step.id(),
            "Step '"
                + step.id()
                + "' ("
                + step.name()
                + ", "
                + step.action()
                + ") failed: "
                + cause,
            hidden);
      }
    }
    JsonNode output;
    try {
      output = expressions.evaluate(template.output(), context, "output");
    } catch (ScaffolderException e) {
      return failed(listener, results, null, "template output failed: " + e.getMessage(), hidden);
    }
    return new RunResult("completed", filterOutput(output), results, null);
  }

  private ObjectNode runStep(
      RunRequest request, TemplateStep step, Map<String, Object> context, RunListener listener)
      throws Exception {
    Action action = actions.get(step.action());
    if (step.each() == null) {
      return invoke(request, step, action, context, listener);
    }
    JsonNode items = expressions.evaluate(step.each(), context, step.id() + ".each");
    ObjectNode merged = Values.JSON.createObjectNode();
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (items.isArray()) {
      for (int k = 0; k < items.size(); k++) {
        entries.add(Map.entry(String.valueOf(k), items.get(k)));
      }
    } else if (items.isObject()) {
      entries.addAll(items.properties());
    } else {
      throw new ScaffolderException(step.id(), "each must evaluate to a list or an object");
    }
    for (Map.Entry<String, JsonNode> entry : entries) {
      Map<String, Object> each = new LinkedHashMap<>();
      each.put("key", entry.getKey());
      each.put("value", Values.plain(entry.getValue()));
      context.put("each", each);
      try {
        ObjectNode out = invoke(request, step, action, context, listener);
        for (Map.Entry<String, JsonNode> o : out.properties()) {
          if (!merged.has(o.getKey())) {
            merged.set(o.getKey(), Values.JSON.createArrayNode());
          }
          ((ArrayNode) merged.get(o.getKey())).add(o.getValue());
        }
      } finally {
        context.remove("each");
      }
    }
    return merged;
  }

  private ObjectNode invoke(
      RunRequest request,
      TemplateStep step,
      Action action,
      Map<String, Object> context,
      RunListener listener)
      throws Exception {
    JsonNode input = expressions.evaluate(step.input(), context, step.id() + ".input");
    List<Error> errors = SCHEMAS.getSchema(action.inputSchema()).validate(input);
    if (!errors.isEmpty()) {
      throw new ScaffolderException(step.id(), "invalid input: " + errors.get(0).getMessage());
    }
    ObjectNode output = Values.JSON.createObjectNode();
    ActionContext ctx =
        new ActionContext(
            step.id(),
            input,
            request.workspace(),
            request.files(),
            expressions,
            request.secrets(),
            request.templateRef(),
            request.user(),
            request.taskId(),
            request.dryRun(),
            line -> listener.log(step.id(), line),
            output,
            request.cancelled());
    action.handle(ctx);
    return output;
  }

  private static JsonNode filterOutput(JsonNode output) {
    if (!output.isObject()) {
      return Values.JSON.createObjectNode();
    }
    ObjectNode out = ((ObjectNode) output).deepCopy();
    for (String key : List.of("links", "text")) {
      if (out.get(key) instanceof ArrayNode list) {
        ArrayNode kept = Values.JSON.createArrayNode();
        for (JsonNode item : list) {
          if (!item.has("if") || Values.truthy(item.get("if"))) {
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            copy.remove("if");
            kept.add(copy);
          }
        }
        out.set(key, kept);
      }
    }
    return out;
  }

  private static StepResult withStatus(StepResult r, String status, JsonNode output) {
    return new StepResult(r.id(), r.name(), r.action(), status, output);
  }

  private static RunResult failed(
      RunListener listener, List<StepResult> results, String stepId, String message) {
    listener.log(stepId, message);
    return new RunResult("failed", Values.JSON.createObjectNode(), results, message);
  }

  private static RunResult failed(
      RunListener listener,
      List<StepResult> results,
      String stepId,
      String message,
      Map<String, String> hidden) {
    return failed(listener, results, stepId, Masking.mask(message, hidden));
  }
}
