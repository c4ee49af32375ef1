package dev.tarmac.catalog.ingest;

import dev.tarmac.sdk.catalog.EntityDocument;
import dev.tarmac.sdk.catalog.EntityYaml;
import dev.tarmac.shared.Json;
import dev.tarmac.shared.NotFoundReadException;
import dev.tarmac.shared.ReadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Substitutes {@code $text}, {@code $json} and {@code $yaml} placeholders with the content they
 * point at, relative to the entity's own location (file, url or git) or absolute.
 */
final class Placeholders {

  private final SourceReaders readers;

  Placeholders(SourceReaders readers) {
    this.readers = readers;
  }

  /**
   * Replaces placeholders in place, reading files only inside {@code scope}; returns one error per
   * placeholder that could not be read.
   */
  List<ProcessingError> resolve(ObjectNode entity, String locationKey, FileScope scope) {
    List<ProcessingError> errors = new ArrayList<>();
    visit(entity, "", new Where(locationKey, scope), errors);
    return errors;
  }

  private void visit(JsonNode node, String path, Where where, List<ProcessingError> errors) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
        String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode replacement = substitute(field.getValue(), childPath, where, errors);
        if (replacement != null) {
          object.set(field.getKey(), replacement);
        } else {
          visit(field.getValue(), childPath, where, errors);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String childPath = path + "." + i;
        JsonNode replacement = substitute(array.get(i), childPath, where, errors);
        if (replacement != null) {
          array.set(i, replacement);
        } else {
          visit(array.get(i), childPath, where, errors);
        }
      }
    }
  }

  private JsonNode substitute(
      JsonNode value, String path, Where where, List<ProcessingError> errors) {
    if (!(value instanceof ObjectNode o) || o.size() != 1) {
      return null;
    }
    String key = o.propertyNames().iterator().next();
    JsonNode arg = o.get(key);
    if (!key.equals("$text") && !key.equals("$json") && !key.equals("$yaml")) {
      return null;
    }
    if (!arg.isString()) {
      errors.add(
          ProcessingError.error(
              "InputError",
              "Placeholder " + key + " at " + path + " must be a string path or URL"));
      return StringNode.valueOf("");
    }
    String target = arg.asString();
    try {
      String text = readers.readText(where.locationKey(), target, where.scope());
      return switch (key) {
        case "$text" -> StringNode.valueOf(text);
        case "$json" -> Json.parse(text);
        default -> yaml(text, target);
      };
    } catch (ReadException e) {
      errors.add(
          ProcessingError.error(
              errorName(e),
              "Placeholder "
                  + key
                  + " at "
                  + path
                  + " could not read '"
                  + target
                  + "': "
                  + e.getMessage()));
    } catch (RuntimeException e) {
      errors.add(
          ProcessingError.error(
              "InputError",
              "Placeholder "
                  + key
                  + " at "
                  + path
                  + " could not parse '"
                  + target
                  + "': "
                  + e.getMessage()));
    }
    return o;
  }

  /** Backstage's error name for a read that failed. */
  static String errorName(ReadException e) {
    if (e instanceof NotFoundReadException) {
      return "NotFoundError";
    }
    return e instanceof FileOutsideRootsException ? "NotAllowedError" : "InputError";
  }

  private static JsonNode yaml(String text, String target) {
    List<EntityDocument> docs = EntityYaml.read(target, text);
    return docs.isEmpty() ? Json.object() : docs.get(0).entity();
  }

  /** Where placeholders resolve from: the entity's location key and the folders it may read. */
  private record Where(String locationKey, FileScope scope) {}
}
