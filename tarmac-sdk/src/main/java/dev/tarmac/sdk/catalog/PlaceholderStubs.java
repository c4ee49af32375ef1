package dev.tarmac.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offline stand-ins for {@code $text}, {@code $json} and {@code $yaml} placeholders, so a file can
 * be validated without reading what they point at: {@code $text} becomes a string, the others an
 * empty object. The server substitutes the real content before it validates.
 */
public final class PlaceholderStubs {

  private static final Set<String> KEYS = Set.of("$text", "$json", "$yaml");

  private PlaceholderStubs() {}

  /**
   * A placeholder found in an entity.
   *
   * @param field dot path of the field holding it
   * @param kind {@code $text}, {@code $json} or {@code $yaml}
   * @param target the path or URL it reads
   */
  public record Placeholder(String field, String kind, String target) {}

  /** A copy of the entity with every placeholder replaced by a stand-in of the right shape. */
  public static JsonNode stub(JsonNode entity) {
    JsonNode copy = entity.deepCopy();
    visit(copy, "", new ArrayList<>(), true);
    return copy;
  }

  /** Every placeholder in the entity. */
  public static List<Placeholder> find(JsonNode entity) {
    List<Placeholder> out = new ArrayList<>();
    visit(entity.deepCopy(), "", out, false);
    return out;
  }

  private static void visit(JsonNode node, String path, List<Placeholder> found, boolean replace) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
        String p = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode stub = stubFor(field.getValue(), p, found);
        if (stub != null) {
          if (replace) {
            object.set(field.getKey(), stub);
          }
        } else {
          visit(field.getValue(), p, found, replace);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode stub = stubFor(array.get(i), path + "." + i, found);
        if (stub != null) {
          if (replace) {
            array.set(i, stub);
          }
        } else {
          visit(array.get(i), path + "." + i, found, replace);
        }
      }
    }
  }

  private static JsonNode stubFor(JsonNode value, String path, List<Placeholder> found) {
    if (!(value instanceof ObjectNode o) || o.size() != 1) {
      return null;
    }
    String key = o.propertyNames().iterator().next();
    if (!KEYS.contains(key) || !o.get(key).isString()) {
      return null;
    }
    found.add(new Placeholder(path, key, o.get(key).asString()));
    return key.equals("$text")
        ? JsonNodeFactory.instance.stringNode("placeholder")
        : JsonNodeFactory.instance.objectNode();
  }
}
