package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.store.FinalEntity;
import dev.tarmac.catalog.store.StitchInput;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the final entity the API serves: the processed entity with its uid, etag, relations
 * (distinct, sorted by type then target), orphan mark and processing errors as status items.
 */
public final class FinalEntityBuilder {

  static final String PROCESSING_STATUS = "backstage.io/catalog-processing";
  private static final String REJECTED_URL =
      "https://backstage.io/annotation-rejected-for-security-reasons";

  private FinalEntityBuilder() {}

  /**
   * Builds one final entity, or returns null when the entity never processed successfully.
   *
   * @param relations rows {source, type, target} whose source is this entity, sorted
   * @param orphan whether no location emits it any more
   */
  public static FinalEntity build(StitchInput input, List<String[]> relations, boolean orphan) {
    if (input.processedJson() == null) {
      return null;
    }
    ObjectNode entity = (ObjectNode) Json.parse(input.processedJson());
    ObjectNode metadata = (ObjectNode) entity.get("metadata");
    metadata.put("uid", input.entityId());
    metadata.remove("etag");
    sanitizeUrl(entity, "backstage.io/view-url");
    sanitizeUrl(entity, "backstage.io/edit-url");
    if (orphan) {
      Annotations.set(entity, Annotations.ORPHAN, "true");
    }
    ArrayNode rels = entity.putArray("relations");
    for (String[] r : relations) {
      ObjectNode rel = rels.addObject();
      rel.put("type", r[1]);
      rel.put("targetRef", r[2]);
    }
    if (input.errorsJson() != null) {
      ArrayNode items = entity.putObject("status").putArray("items");
      for (JsonNode error : Json.parse(input.errorsJson())) {
        ObjectNode item = items.addObject();
        item.put("type", PROCESSING_STATUS);
        item.put("level", error.path("level").asString("error"));
        item.put(
            "message", error.path("name").asString() + ": " + error.path("message").asString());
        ObjectNode err = item.putObject("error");
        err.put("name", error.path("name").asString());
        err.put("message", error.path("message").asString());
      }
    }
    String hash = Hashes.sha256(Json.write(entity));
    metadata.put("etag", hash.substring(0, 40));
    return new FinalEntity(
        input.entityRef(),
        input.entityId(),
        entity.path("kind").asString(),
        Json.write(entity),
        hash);
  }

  private static void sanitizeUrl(ObjectNode entity, String annotation) {
    String value = Annotations.get(entity, annotation);
    if (value != null
        && value.trim().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
      Annotations.set(entity, annotation, REJECTED_URL);
    }
  }
}
