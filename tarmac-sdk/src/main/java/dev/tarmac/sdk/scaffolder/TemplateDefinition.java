package dev.tarmac.sdk.scaffolder;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed {@code scaffolder.backstage.io/v1beta3} Template.
 *
 * @param name metadata.name
 * @param title metadata.title, or the name
 * @param description metadata.description, may be empty
 * @param parameters the parameter pages (a single object becomes one page)
 * @param steps the steps in order
 * @param output the raw {@code spec.output}, expressions not yet evaluated
 * @param raw the whole entity
 */
public record TemplateDefinition(
    String name,
    String title,
    String description,
    List<JsonNode> parameters,
    List<TemplateStep> steps,
    JsonNode output,
    JsonNode raw) {

  /** The only apiVersion this engine runs. */
  public static final String API_VERSION = "scaffolder.backstage.io/v1beta3";

  /** Parses a template.yaml's text (the first YAML document). */
  public static TemplateDefinition fromYaml(String yaml) {
    JsonNode node;
    try {
      node = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    } catch (tools.jackson.core.JacksonException e) {
      throw new ScaffolderException(
          "template", "template is not valid YAML: " + e.getOriginalMessage());
    }
    return parse(node);
  }

  /** Parses a Template entity; an unsupported shape is a {@link ScaffolderException}. */
  public static TemplateDefinition parse(JsonNode entity) {
    if (entity == null || !entity.isObject()) {
      throw new ScaffolderException("template", "the template is not an object");
    }
    if (!API_VERSION.equals(entity.path("apiVersion").asString(""))) {
      throw new ScaffolderException(
          "apiVersion",
          "apiVersion must be "
              + API_VERSION
              + ", was '"
              + entity.path("apiVersion").asString("")
              + "'");
    }
    if (!"Template".equals(entity.path("kind").asString(""))) {
      throw new ScaffolderException("kind", "kind must be Template");
    }
    JsonNode meta = entity.path("metadata");
    String name = meta.path("name").asString("");
    if (name.isEmpty()) {
      throw new ScaffolderException("metadata.name", "metadata.name is required");
    }
    JsonNode spec = entity.path("spec");
    List<JsonNode> pages = new ArrayList<>();
    JsonNode params = spec.path("parameters");
    if (params.isArray()) {
      params.forEach(pages::add);
    } else if (params.isObject()) {
      pages.add(params);
    }
    List<TemplateStep> steps = new ArrayList<>();
    JsonNode rawSteps = spec.path("steps");
    if (!rawSteps.isArray()) {
      throw new ScaffolderException("spec.steps", "spec.steps must be a list");
    }
    int index = 0;
    for (JsonNode s : rawSteps) {
      index++;
      String id = s.path("id").asString("step-" + index);
      String action = s.path("action").asString("");
      if (action.isEmpty()) {
        throw new ScaffolderException(id, "step '" + id + "' names no action");
      }
      JsonNode input = s.has("input") ? s.get("input") : JsonNodeFactory.instance.objectNode();
      steps.add(
          new TemplateStep(
              id, s.path("name").asString(id), action, input, s.get("if"), s.get("each")));
    }
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    return new TemplateDefinition(
        name,
        meta.path("title").asString(name),
        meta.path("description").asString(""),
        List.copyOf(pages),
        List.copyOf(steps),
        spec.has("output") ? spec.get("output") : empty,
        entity);
  }
}
