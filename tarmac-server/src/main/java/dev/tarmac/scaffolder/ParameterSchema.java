package dev.tarmac.scaffolder;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A template's parameter pages, as Backstage's {@code parameter-schema} endpoint returns them.
 *
 * @param title the template title
 * @param description the template description
 * @param steps one entry per wizard page
 */
public record ParameterSchema(String title, String description, List<Page> steps) {

  /**
   * A wizard page.
   *
   * @param title the page title
   * @param description the page description
   * @param schema the JSON Schema, {@code ui:} keys kept for the form
   */
  public record Page(String title, String description, JsonNode schema) {}
}
