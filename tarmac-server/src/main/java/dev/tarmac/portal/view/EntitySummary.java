package dev.tarmac.portal.view;

import dev.tarmac.catalog.SearchHit;
import dev.tarmac.sdk.catalog.EntityRef;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One entity as a row or card shows it.
 *
 * @param ref canonical ref
 * @param kind kind as written
 * @param namespace namespace
 * @param name name
 * @param title title, else the name
 * @param description description, or empty
 * @param type spec.type, or empty
 * @param lifecycle spec.lifecycle, or empty
 * @param owner the owner's ref (from the ownedBy relation), or empty
 * @param tags metadata.tags
 * @param path the portal page of the entity
 * @param ownerInCatalog false when the owner is named but not in the catalog (shown unlinked)
 */
public record EntitySummary(
    String ref,
    String kind,
    String namespace,
    String name,
    String title,
    String description,
    String type,
    String lifecycle,
    String owner,
    List<String> tags,
    String path,
    boolean ownerInCatalog) {

  /** This summary, saying whether its owner is in the catalog. */
  public EntitySummary withOwnerInCatalog(boolean inCatalog) {
    return new EntitySummary(
        ref,
        kind,
        namespace,
        name,
        title,
        description,
        type,
        lifecycle,
        owner,
        tags,
        path,
        inCatalog);
  }

  /** The summary of a search hit. */
  public static EntitySummary of(SearchHit h) {
    return new EntitySummary(
        h.entityRef(),
        h.kind(),
        h.namespace(),
        h.name(),
        h.title(),
        h.text() == null ? "" : h.text(),
        h.type() == null ? "" : h.type(),
        h.lifecycle() == null ? "" : h.lifecycle(),
        h.owner() == null ? "" : h.owner(),
        h.tags(),
        Paths.entity(h.kind(), h.namespace(), h.name()),
        true);
  }

  /** Reads the summary of a final entity. */
  public static EntitySummary of(JsonNode e) {
    JsonNode meta = e.path("metadata");
    String kind = e.path("kind").asString("");
    String ns = meta.path("namespace").asString("default");
    String name = meta.path("name").asString("");
    String owner = "";
    for (JsonNode r : e.path("relations")) {
      if (r.path("type").asString("").equals("ownedBy")) {
        owner = r.path("targetRef").asString("");
      }
    }
    List<String> tags = new ArrayList<>();
    meta.path("tags").forEach(t -> tags.add(t.asString("")));
    return new EntitySummary(
        new EntityRef(kind, ns, name).toString(),
        kind,
        ns,
        name,
        meta.path("title")
            .asString(e.path("spec").path("profile").path("displayName").asString(name)),
        meta.path("description").asString(""),
        e.path("spec").path("type").asString(""),
        e.path("spec").path("lifecycle").asString(""),
        owner,
        tags,
        Paths.entity(kind, ns, name),
        true);
  }
}
