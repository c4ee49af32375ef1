package dev.tarmac.portal.view;

import dev.tarmac.portal.highlight.HighlightedCode;
import dev.tarmac.portal.highlight.Highlighter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An API's definition as the entity page shows it: OpenAPI as a list of operations, anything else
 * (AsyncAPI, GraphQL, gRPC) and an OpenAPI definition that does not parse as highlighted text.
 *
 * @param type spec.type
 * @param title the OpenAPI info title, or empty
 * @param version the OpenAPI info version, or empty
 * @param operations the OpenAPI operations, empty for other types or unreadable definitions
 * @param code the definition as written, highlighted
 * @param note why an OpenAPI definition is shown as text rather than operations, or empty
 */
public record ApiDefinition(
    String type,
    String title,
    String version,
    List<Operation> operations,
    HighlightedCode code,
    String note) {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * One OpenAPI operation.
   *
   * @param method HTTP method, upper case
   * @param path the path template
   * @param summary its summary, else its description, else empty
   */
  public record Operation(String method, String path, String summary) {}

  /** The definition of an API entity, or null for other kinds or an API without one. */
  public static ApiDefinition of(JsonNode entity) {
    if (!"API".equalsIgnoreCase(entity.path("kind").asString(""))) {
      return null;
    }
    String text = entity.path("spec").path("definition").asString(null);
    if (text == null) {
      return null;
    }
    String type = entity.path("spec").path("type").asString("");
    HighlightedCode code = Highlighter.highlight(Highlighter.languageOf(type, text), text);
    if (!type.toLowerCase(Locale.ROOT).equals("openapi")) {
      return new ApiDefinition(type, "", "", List.of(), code, "");
    }
    JsonNode doc;
    try {
      doc = YAML.readTree(text);
    } catch (RuntimeException e) {
      // A definition that does not parse is still worth reading as text.
      return new ApiDefinition(type, "", "", List.of(), code, unreadable(e));
    }
    if (doc == null) {
      doc = tools.jackson.databind.node.MissingNode.getInstance();
    }
    List<Operation> ops = new ArrayList<>();
    for (var path : doc.path("paths").properties()) {
      for (var op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          JsonNode o = op.getValue();
          ops.add(
              new Operation(
                  op.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  o.path("summary").asString(o.path("description").asString(""))));
        }
      }
    }
    JsonNode info = doc.path("info");
    return new ApiDefinition(
        type,
        info.path("title").asString(""),
        info.path("version").asString(""),
        ops,
        code,
        ops.isEmpty()
            ? "This OpenAPI definition lists no operations, so it is shown as text."
            : "");
  }

  private static String unreadable(RuntimeException e) {
    String message =
        String.valueOf(e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage())
            .lines()
            .findFirst()
            .orElse("");
    var at = e instanceof JacksonException j ? j.getLocation() : null;
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return "This OpenAPI definition could not be read ("
        + where
        + message
        + "), so it is shown as text.";
  }
}
