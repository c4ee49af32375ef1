package dev.tarmac.catalog.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The well-known annotations processing reads and writes. */
public final class Annotations {

  /** Where the entity was read from, {@code type:target}. */
  public static final String LOCATION = "backstage.io/managed-by-location";

  /** The registered location the entity descends from. */
  public static final String ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";

  /** Set to "true" on entities no location emits any more. */
  public static final String ORPHAN = "backstage.io/orphan";

  private Annotations() {}

  /** An annotation's value, or null. */
  public static String get(JsonNode entity, String key) {
    JsonNode v = entity.path("metadata").path("annotations").path(key);
    return v.isString() ? v.asString() : null;
  }

  /** Sets an annotation, creating metadata.annotations as needed. */
  public static void set(ObjectNode entity, String key, String value) {
    ObjectNode metadata =
        entity.has("metadata") && entity.get("metadata").isObject()
            ? (ObjectNode) entity.get("metadata")
            : entity.putObject("metadata");
    ObjectNode annotations =
        metadata.has("annotations") && metadata.get("annotations").isObject()
            ? (ObjectNode) metadata.get("annotations")
            : metadata.putObject("annotations");
    annotations.put(key, value);
  }
}
