package dev.tarmac.sdk.catalog;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds the tree of one YAML document from Jackson's token stream, as Backstage's YAML reader
 * does: aliases of mappings and sequences are expanded, a repeated key is an error, and (when
 * asked) the line of every field is noted under its dot path.
 */
final class YamlTree {

  /** Caps what aliases may expand to, against "billion laughs" documents. */
  private static final int MAX_ALIASED_NODES = 100_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonParser parser;
  private final Map<String, Integer> lines;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int aliasedNodes;

  private YamlTree(JsonParser parser, Map<String, Integer> lines) {
    this.parser = parser;
    this.lines = lines;
  }

  /**
   * Reads the document whose first token is the parser's current one.
   *
   * @param lines where to note each field's line by dot path, or null to skip that work
   */
  static JsonNode read(JsonParser parser, Map<String, Integer> lines) {
    return new YamlTree(parser, lines).value(lines == null ? null : "");
  }

  private JsonNode value(String path) {
    JsonToken token = parser.currentToken();
    if (lines != null) {
      lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(parser.getString());
    }
    Object anchor = parser.getObjectId();
    JsonNode node =
        switch (token) {
          case START_OBJECT -> object(path);
          case START_ARRAY -> array(path);
          case VALUE_STRING -> NODES.stringNode(parser.getString());
          case VALUE_NUMBER_INT ->
              switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
              };
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          default -> NODES.stringNode(parser.getString());
        };
    if (anchor != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
      anchors.put(anchor.toString(), node);
    }
    return node;
  }

  private ObjectNode object(String path) {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      int line = parser.currentTokenLocation().getLineNr();
      if (object.has(name)) {
        throw new YamlTreeException(line, "Map keys must be unique; \"" + name + "\" is repeated");
      }
      String child = path == null ? null : path.isEmpty() ? name : path + "." + name;
      if (lines != null) {
        lines.putIfAbsent(child, line);
      }
      parser.nextToken();
      object.set(name, value(child));
    }
    return object;
  }

  private ArrayNode array(String path) {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String child =
          path == null ? null : path.isEmpty() ? "" + array.size() : path + "." + array.size();
      array.add(value(child));
    }
    return array;
  }

  private JsonNode alias(String name) {
    JsonNode target = anchors.get(name);
    if (target == null) {
      // Jackson reports anchors of mappings and sequences only, so an alias of a plain value
      // cannot be expanded; failing beats silently reading the alias name as the value.
      throw new YamlTreeException(
          parser.currentTokenLocation().getLineNr(),
          "Alias *"
              + name
              + " refers to no mapping or sequence anchored before it (aliases of plain values"
              + " are not supported)");
    }
    aliasedNodes += size(target);
    if (aliasedNodes > MAX_ALIASED_NODES) {
      throw new YamlTreeException(
          parser.currentTokenLocation().getLineNr(),
          "Excessive alias count, the document is too big");
    }
    return target.deepCopy();
  }

  private static int size(JsonNode node) {
    int n = 1;
    for (JsonNode child : node) {
      n += size(child);
    }
    return n;
  }

  /** A YAML document that parses but is not a valid tree. */
  static final class YamlTreeException extends RuntimeException {
    private final int line;

    YamlTreeException(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
