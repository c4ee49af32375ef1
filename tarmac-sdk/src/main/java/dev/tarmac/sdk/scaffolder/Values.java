package dev.tarmac.sdk.scaffolder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between JSON trees and the plain maps, lists, strings, numbers and booleans a template
 * sees, so that no other Java object ever reaches the template engine.
 */
public final class Values {

  /** The mapper the engine uses for JSON and YAML values. */
  public static final JsonMapper JSON = JsonMapper.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Values() {}

  /** A JSON tree as plain Java values. */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asString();
  }

  /** Plain Java values (as the engine returns them) as a JSON tree. */
  public static JsonNode tree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode o = NODES.objectNode();
      map.forEach((k, v) -> o.set(String.valueOf(k), tree(v)));
      return o;
    }
    if (value instanceof Iterable<?> it) {
      ArrayNode a = NODES.arrayNode();
      it.forEach(v -> a.add(tree(v)));
      return a;
    }
    if (value instanceof Object[] arr) {
      ArrayNode a = NODES.arrayNode();
      for (Object v : arr) {
        a.add(tree(v));
      }
      return a;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof BigDecimal b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? NODES.numberNode((long) d)
          : NODES.numberNode(d);
    }
    return NODES.stringNode(value.toString());
  }

  /** Nunjucks truthiness: false, null, undefined, "", 0 and empty lists are false. */
  public static boolean truthy(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.doubleValue() != 0;
    }
    if (node.isString()) {
      return !node.asString().isEmpty();
    }
    if (node.isArray()) {
      return !node.isEmpty();
    }
    return true;
  }
}
