package dev.tarmac.sdk.scaffolder;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A scaffolder action: self-describing, run by a step with its evaluated input. */
public interface Action {

  /** The id steps name, e.g. {@code fetch:template}. */
  String id();

  /** One sentence on what it does. */
  String description();

  /** JSON Schema of its input; the runner validates the input against it before running. */
  JsonNode inputSchema();

  /** JSON Schema of its output. */
  JsonNode outputSchema();

  /** Examples of use. */
  default List<ActionExample> examples() {
    return List.of();
  }

  /**
   * Runs the action. In a dry run, actions with side effects outside the workspace only log what
   * they would do.
   *
   * @throws ScaffolderException (or any runtime exception) to fail the step
   */
  void handle(ActionContext context) throws Exception;
}
