package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Request checks and responses shared by the catalog controllers. */
final class Requests {

  private Requests() {}

  /** Backstage requires a non-empty JSON object as the body. */
  static void requireObject(JsonNode body) {
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw CatalogException.input("Expected a non-empty JSON object as the request body");
    }
  }

  /** An integer parameter of at least {@code min}, else an InputError naming it. */
  static int parseInt(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min) {
        throw CatalogException.input(
            "Invalid " + name + " \"" + value + "\": must be at least " + min);
      }
      return n;
    } catch (NumberFormatException e) {
      throw CatalogException.input("Invalid " + name + " \"" + value + "\": not an integer");
    }
  }

  /** The stored JSON as it is: no parsing and re-serialising on the hot read paths. */
  static ResponseEntity<String> raw(String json) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }
}
