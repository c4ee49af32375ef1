package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import dev.tarmac.shared.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parses request bodies: one JSON object or an array of them. */
final class EventBodies {

  private EventBodies() {}

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw DeliveryException.badInput("$", "request body is empty");
    }
    try {
      return Json.parse(body);
    } catch (JacksonException e) {
      throw DeliveryException.badInput(
          "$",
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
  }

  /** The events of a body with the prefix to use in field names ({@code ""} or {@code [i].}). */
  static List<Item> items(JsonNode root) {
    List<Item> out = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        out.add(new Item(root.get(i), "[" + i + "]."));
      }
    } else {
      out.add(new Item(root, ""));
    }
    return out;
  }

  record Item(JsonNode node, String at) {}
}
