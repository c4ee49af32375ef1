package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.shared.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Projects entities onto the dot-path fields a client asked for ({@code
 * fields=kind,metadata.name}).
 */
final class Fields {

  private Fields() {}

  /** Parses comma-separated fields from one or several query parameters. */
  static List<String> parse(List<String> params) {
    List<String> out = new ArrayList<>();
    if (params == null) {
      return out;
    }
    for (String p : params) {
      for (String f : p.split(",")) {
        String field = f.trim();
        if (field.isEmpty()) {
          continue;
        }
        for (String part : field.split("\\.")) {
          if (part.isEmpty() || part.chars().allMatch(Character::isDigit)) {
            throw CatalogException.input(
                "Invalid field \""
                    + field
                    + "\": array items cannot be selected; select the whole array instead");
          }
        }
        out.add(field);
      }
    }
    return out;
  }

  /** A copy of the entity with only the given fields, or the entity itself when none are given. */
  static JsonNode project(JsonNode entity, List<String> fields) {
    if (fields.isEmpty() || entity == null || entity.isNull()) {
      return entity;
    }
    ObjectNode out = Json.object();
    for (String field : fields) {
      String[] parts = field.split("\\.");
      JsonNode src = entity;
      for (String part : parts) {
        src = src == null ? null : src.get(part);
      }
      if (src == null) {
        continue;
      }
      ObjectNode dst = out;
      for (int i = 0; i < parts.length - 1; i++) {
        JsonNode next = dst.get(parts[i]);
        dst = next instanceof ObjectNode o ? o : dst.putObject(parts[i]);
      }
      dst.set(parts[parts.length - 1], src.deepCopy());
    }
    return out;
  }
}
