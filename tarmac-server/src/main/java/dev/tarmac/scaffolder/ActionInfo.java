package dev.tarmac.scaffolder;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A registered action, as {@code GET /api/scaffolder/v2/actions} lists it.
 *
 * @param id the action id
 * @param description what it does
 * @param examples examples of use
 * @param schema {@code {input, output}} JSON Schemas
 */
public record ActionInfo(String id, String description, List<Example> examples, Schemas schema) {

  /**
   * An example.
   *
   * @param description what it shows
   * @param example a YAML step
   */
  public record Example(String description, String example) {}

  /**
   * The action's schemas.
   *
   * @param input input JSON Schema
   * @param output output JSON Schema
   */
  public record Schemas(JsonNode input, JsonNode output) {}
}
