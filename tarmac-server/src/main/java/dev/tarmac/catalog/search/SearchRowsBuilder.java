package dev.tarmac.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Flattens a final entity into the key/value rows that filters and facets query, with Backstage's
 * rules: dot paths, array elements under the array's key plus {@code key.value = true} for string
 * elements, lower-cased keys and values, values over 200 characters stored as null.
 */
public final class SearchRowsBuilder {

  private static final int MAX = 200;

  private SearchRowsBuilder() {}

  /** The rows for one final entity. */
  public static List<SearchRow> rows(JsonNode entity) {
    List<SearchRow> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : entity.properties()) {
      String key = field.getKey();
      if (key.equals("relations") || key.equals("status") || key.equals("attachments")) {
        continue;
      }
      visit(key, field.getValue(), out);
    }
    for (JsonNode relation : entity.path("relations")) {
      add(
          out,
          "relations." + relation.path("type").asString(""),
          relation.path("targetRef").asString(""));
    }
    return out;
  }

  private static void visit(String path, JsonNode node, List<SearchRow> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        visit(path + "." + field.getKey(), field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        visit(path, item, out);
        if (item.isString()) {
          add(out, path + "." + item.asString(), "true");
        }
      }
    } else if (node.isNull()) {
      add(out, path, null);
    } else {
      add(out, path, node.isString() ? node.asString() : node.toString());
    }
  }

  private static void add(List<SearchRow> out, String key, String value) {
    if (key.length() > MAX) {
      return;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (value == null || value.length() > MAX) {
      out.add(new SearchRow(k, null, null));
    } else {
      out.add(new SearchRow(k, value.toLowerCase(Locale.ROOT), value));
    }
  }
}
