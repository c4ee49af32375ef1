package dev.tarmac.sdk.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The relations Backstage's built-in kinds derive from their spec fields, each in both directions.
 * Refs default to the entity's own namespace and the field's default kind; an explicit kind wins.
 */
public final class EntityRelations {

  private EntityRelations() {}

  /**
   * Derives the relations of one (valid) entity, forward and reverse, in the order of Backstage's
   * relation table, without duplicates.
   *
   * @throws IllegalArgumentException when a ref does not parse, e.g. {@code spec.dependsOn: Entity
   *     reference "db" had missing or empty kind …}; the message starts with the field
   */
  public static List<Relation> derive(JsonNode entity) {
    EntityRef self = EntityRef.of(entity);
    Emitter e = new Emitter(self, entity.path("spec"), new LinkedHashSet<>());
    switch (entity.path("kind").asString()) {
      case "Component" -> {
        e.one("owner", "Group", "ownedBy", "ownerOf");
        e.one("system", "System", "partOf", "hasPart");
        e.one("subcomponentOf", "Component", "partOf", "hasPart");
        e.many("providesApis", "API", "providesApi", "apiProvidedBy");
        e.many("consumesApis", "API", "consumesApi", "apiConsumedBy");
        e.many("dependsOn", null, "dependsOn", "dependencyOf");
        e.many("dependencyOf", null, "dependencyOf", "dependsOn");
      }
      case "API" -> {
        e.one("owner", "Group", "ownedBy", "ownerOf");
        e.one("system", "System", "partOf", "hasPart");
      }
      case "Resource" -> {
        e.one("owner", "Group", "ownedBy", "ownerOf");
        e.one("system", "System", "partOf", "hasPart");
        e.many("dependsOn", null, "dependsOn", "dependencyOf");
        e.many("dependencyOf", null, "dependencyOf", "dependsOn");
      }
      case "System" -> {
        e.one("owner", "Group", "ownedBy", "ownerOf");
        e.one("domain", "Domain", "partOf", "hasPart");
      }
      case "Domain" -> {
        e.one("owner", "Group", "ownedBy", "ownerOf");
        e.one("subdomainOf", "Domain", "partOf", "hasPart");
      }
      case "User" -> e.many("memberOf", "Group", "memberOf", "hasMember");
      case "Group" -> {
        e.one("parent", "Group", "childOf", "parentOf");
        e.many("children", "Group", "parentOf", "childOf");
        e.many("members", "User", "hasMember", "memberOf");
      }
      case "Template" -> e.one("owner", "Group", "ownedBy", "ownerOf");
      default -> {
        // Location and unknown kinds derive no relations.
      }
    }
    return new ArrayList<>(e.out());
  }

  /** Emits both directions of the relations of one entity. */
  private record Emitter(EntityRef self, JsonNode spec, Set<Relation> out) {

    void one(String field, String defaultKind, String forward, String reverse) {
      JsonNode value = spec.get(field);
      if (value != null && !value.isNull()) {
        add(field, value, defaultKind, forward, reverse);
      }
    }

    void many(String field, String defaultKind, String forward, String reverse) {
      JsonNode values = spec.get(field);
      if (values == null || !values.isArray()) {
        return;
      }
      List<JsonNode> items = new ArrayList<>();
      values.forEach(items::add);
      // Backstage sorts these string arrays before it derives relations.
      items.sort((a, b) -> a.asString("").compareTo(b.asString("")));
      for (JsonNode item : items) {
        add(field, item, defaultKind, forward, reverse);
      }
    }

    private void add(
        String field, JsonNode value, String defaultKind, String forward, String reverse) {
      EntityRef target;
      try {
        target = EntityRef.parse(value, defaultKind, self.namespace());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec." + field + ": " + e.getMessage(), e);
      }
      out.add(new Relation(forward, self, target));
      out.add(new Relation(reverse, target, self));
    }
  }
}
