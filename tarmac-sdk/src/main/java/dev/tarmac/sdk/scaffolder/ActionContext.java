package dev.tarmac.sdk.scaffolder;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an action sees while it runs.
 *
 * @param stepId the step's id
 * @param input the evaluated input
 * @param workspace the task's workspace
 * @param files where {@code fetch:*} read
 * @param expressions the engine, for actions that render files
 * @param secrets the task's secrets (never log them: the logger masks them anyway)
 * @param templateRef the template's entity ref
 * @param user the ref of the user who started the task
 * @param taskId the task id
 * @param dryRun whether side effects outside the workspace must be skipped
 * @param logger the step's log
 * @param output the step's output, filled by the action
 * @param cancelled whether the task was cancelled (long actions poll it)
 */
public record ActionContext(
    String stepId,
    JsonNode input,
    Workspace workspace,
    FileSource files,
    Expressions expressions,
    Map<String, String> secrets,
    String templateRef,
    String user,
    String taskId,
    boolean dryRun,
    Consumer<String> logger,
    ObjectNode output,
    BooleanSupplier cancelled) {

  /** Logs a line for this step. */
  public void log(String message) {
    logger.accept(message);
  }

  /** Sets an output value. */
  public void output(String name, JsonNode value) {
    output.set(name, value);
  }

  /** Sets a string output value. */
  public void output(String name, String value) {
    output.put(name, value);
  }

  /** A string input, or the fallback. */
  public String string(String name, String fallback) {
    JsonNode v = input.get(name);
    return v == null || v.isNull() ? fallback : v.asString();
  }
}
