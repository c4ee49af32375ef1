package dev.tarmac.catalog.query;

import dev.tarmac.catalog.CatalogException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Parses Backstage filters: each {@code filter} query parameter is a comma-separated list of
 * statements that must all hold ({@code key=value}, or {@code key} alone for existence; a key
 * repeated means any of its values); several parameters are alternatives.
 */
public final class FilterParser {

  private FilterParser() {}

  /** Parses the query-string form; null or empty means no filter. */
  public static EntityPredicate parse(List<String> filters) {
    if (filters == null || filters.isEmpty()) {
      return null;
    }
    List<EntityPredicate> any = new ArrayList<>();
    for (String filter : filters) {
      Map<String, List<String>> byKey = new LinkedHashMap<>();
      for (String statement : filter.split(",")) {
        String s = statement.trim();
        if (s.isEmpty()) {
          continue;
        }
        int eq = s.indexOf('=');
        String key = (eq < 0 ? s : s.substring(0, eq)).trim();
        if (key.isEmpty()) {
          throw CatalogException.input("Invalid filter statement '" + s + "': the key is empty");
        }
        List<String> values = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        if (eq >= 0) {
          values.add(s.substring(eq + 1).trim());
        }
      }
      List<EntityPredicate> all = new ArrayList<>();
      byKey.forEach((k, v) -> all.add(new EntityPredicate.Key(k, v)));
      if (!all.isEmpty()) {
        any.add(all.size() == 1 ? all.get(0) : new EntityPredicate.AllOf(all));
      }
    }
    if (any.isEmpty()) {
      return null;
    }
    return any.size() == 1 ? any.get(0) : new EntityPredicate.AnyOf(any);
  }

  /**
   * Parses the JSON form: {@code {key, values?}}, {@code {not}}, {@code {anyOf}}, {@code {allOf}}.
   */
  public static EntityPredicate parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw CatalogException.input("Invalid filter: expected an object, got " + node);
    }
    if (node.has("key")) {
      List<String> values = new ArrayList<>();
      node.path("values").forEach(v -> values.add(v.asString()));
      return new EntityPredicate.Key(node.get("key").asString(), values);
    }
    if (node.has("not")) {
      return new EntityPredicate.Not(parse(node.get("not")));
    }
    if (node.has("allOf") || node.has("anyOf")) {
      List<EntityPredicate> list = new ArrayList<>();
      JsonNode items = node.has("allOf") ? node.get("allOf") : node.get("anyOf");
      if (!items.isArray()) {
        throw CatalogException.input("Invalid filter: allOf/anyOf must be an array");
      }
      items.forEach(i -> list.add(parse(i)));
      return node.has("allOf") ? new EntityPredicate.AllOf(list) : new EntityPredicate.AnyOf(list);
    }
    throw CatalogException.input(
        "Invalid filter: expected one of key, not, allOf or anyOf, got " + node);
  }
}
