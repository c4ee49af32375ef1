package dev.tarmac.sdk.scaffolder.actions;

import dev.tarmac.sdk.scaffolder.Action;
import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.Values;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An action defined by its id, description, schemas (JSON text), examples and a handler. */
public final class SimpleAction implements Action {

  /** The body of an action. */
  @FunctionalInterface
  public interface Handler {
    /** Runs the action. */
    void handle(ActionContext context) throws Exception;
  }

  private final String id;
  private final String description;
  private final JsonNode input;
  private final JsonNode output;
  private final List<ActionExample> examples;
  private final Handler handler;

  /** An action; schemas are JSON Schema documents as text. */
  public SimpleAction(
      String id,
      String description,
      String inputSchema,
      String outputSchema,
      List<ActionExample> examples,
      Handler handler) {
    this.id = id;
    this.description = description;
    this.input = Values.JSON.readTree(inputSchema);
    this.output = Values.JSON.readTree(outputSchema);
    this.examples = List.copyOf(examples);
    this.handler = handler;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public JsonNode inputSchema() {
    return input;
  }

  @Override
  public JsonNode outputSchema() {
    return output;
  }

  @Override
  public List<ActionExample> examples() {
    return examples;
  }

  @Override
  public void handle(ActionContext context) throws Exception {
    handler.handle(context);
  }
}
