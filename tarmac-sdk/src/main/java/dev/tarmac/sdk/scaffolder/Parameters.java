package dev.tarmac.sdk.scaffolder;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a template's answers against its parameter pages (JSON Schema draft-07, as the form
 * uses), after filling in defaults; {@code ui:} keys are ignored by validation and kept for the
 * portal.
 */
public final class Parameters {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private Parameters() {}

  /** The answers with each page's top-level defaults filled in where no answer was given. */
  public static ObjectNode withDefaults(List<JsonNode> pages, JsonNode values) {
    ObjectNode out =
        values != null && values.isObject()
            ? (ObjectNode) values.deepCopy()
            : Values.JSON.createObjectNode();
    for (JsonNode page : pages) {
      for (Map.Entry<String, JsonNode> p : page.path("properties").properties()) {
        if (!out.has(p.getKey()) && p.getValue().has("default")) {
          out.set(p.getKey(), p.getValue().get("default").deepCopy());
        }
      }
    }
    return out;
  }

  /** Every problem on every page; empty when the answers are valid. */
  public static List<ParameterProblem> validate(List<JsonNode> pages, JsonNode values) {
    LinkedHashSet<ParameterProblem> problems = new LinkedHashSet<>();
    for (JsonNode page : pages) {
      ObjectNode schema = ((ObjectNode) page.deepCopy());
      schema.remove("title");
      schema.remove("description");
      if (!schema.has("type")) {
        schema.put("type", "object");
      }
      Schema compiled = REGISTRY.getSchema(schema);
      for (Error e : compiled.validate(values)) {
        problems.add(problem(e));
      }
    }
    return new ArrayList<>(problems);
  }

  private static ParameterProblem problem(Error e) {
    String field = path(e.getInstanceLocation());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    if ("required".equals(keyword) && e.getProperty() != null) {
      String name = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
      return new ParameterProblem(name, "must have required property '" + e.getProperty() + "'");
    }
    String message = e.getMessage() == null ? "is not valid" : e.getMessage();
    String prefix = e.getInstanceLocation() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new ParameterProblem(field.isEmpty() ? "(root)" : field, message);
  }

  private static String path(NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(path.getElement(i));
    }
    return b.toString();
  }
}
