package dev.tarmac.shared;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper Tarmac uses for stored documents, with plain, compact output. */
public final class Json {

  /** Shared, thread-safe mapper. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** Parses JSON text into a tree. */
  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  /** Parses UTF-8 encoded JSON into a tree. */
  public static JsonNode parse(byte[] utf8) {
    return MAPPER.readTree(utf8);
  }

  /** Writes a tree as compact JSON text. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Creates an empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
