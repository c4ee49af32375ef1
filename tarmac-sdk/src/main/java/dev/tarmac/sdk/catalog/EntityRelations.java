package dev.tarmac.sdk.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The relations Backstage's built-in kinds derive from their spec fields, each in both directions.
 * Refs default to the entity's own namespace and the field's default kind; an explicit kind wins.
 */
public final class EntityRelations {

  /** Each relation type Tarmac derives and the type of its reverse, in both directions. */
  private static final Map<String, String> REVERSE = new HashMap<>();

  static {
    pair("ownedBy", "ownerOf");
    pair("partOf", "hasPart");
    pair("providesApi", "apiProvidedBy");
    pair("consumesApi", "apiConsumedBy");
    pair("dependsOn", "dependencyOf");
    pair("memberOf", "hasMember");
    pair("childOf", "parentOf");
  }

  private EntityRelations() {}

  private static void pair(String type, String reverse) {
    REVERSE.put(type, reverse);
    REVERSE.put(reverse, type);
  }

  /**
   * The type of the reverse of a relation type, e.g. {@code ownerOf} for {@code ownedBy}.
   *
   * @throws IllegalArgumentException for a type this class does not derive
   */
  public static String reverseOf(String type) {
    String reverse = REVERSE.get(type);
    if (reverse == null) {
      throw new IllegalArgumentException("No reverse known for relation type " + type);
    }
    return reverse;
  }

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
        e.one("owner", "Group", "ownedBy");
        e.one("system", "System", "partOf");
        e.one("subcomponentOf", "Component", "partOf");
        e.many("providesApis", "API", "providesApi");
        e.many("consumesApis", "API", "consumesApi");
        e.many("dependsOn", null, "dependsOn");
        e.many("dependencyOf", null, "dependencyOf");
      }
      case "API" -> {
        e.one("owner", "Group", "ownedBy");
        e.one("system", "System", "partOf");
      }
      case "Resource" -> {
        e.one("owner", "Group", "ownedBy");
        e.one("system", "System", "partOf");
        e.many("dependsOn", null, "dependsOn");
        e.many("dependencyOf", null, "dependencyOf");
      }
      case "System" -> {
        e.one("owner", "Group", "ownedBy");
        e.one("domain", "Domain", "partOf");
      }
      case "Domain" -> {
        e.one("owner", "Group", "ownedBy");
        e.one("subdomainOf", "Domain", "partOf");
      }
      case "User" -> e.many("memberOf", "Group", "memberOf");
      case "Group" -> {
        e.one("parent", "Group", "childOf");
        e.many("children", "Group", "parentOf");
        e.many("members", "User", "hasMember");
      }
      case "Template" -> e.one("owner", "Group", "ownedBy");
      default -> {
        // Location and unknown kinds derive no relations.
      }
    }
    return new ArrayList<>(e.out());
  }

  /** Emits both directions of the relations of one entity. */
  private record Emitter(EntityRef self, JsonNode spec, Set<Relation> out) {

    void one(String field, String defaultKind, String forward) {
      JsonNode value = spec.get(field);
      if (value != null && !value.isNull()) {
        add(field, value, defaultKind, forward);
      }
    }

    void many(String field, String defaultKind, String forward) {
      JsonNode values = spec.get(field);
      if (values == null || !values.isArray()) {
        return;
      }
      List<JsonNode> items = new ArrayList<>();
      values.forEach(items::add);
      // Backstage sorts these string arrays before it derives relations.
      items.sort((a, b) -> a.asString("").compareTo(b.asString("")));
      for (JsonNode item : items) {
        add(field, item, defaultKind, forward);
      }
    }

    private void add(String field, JsonNode value, String defaultKind, String forward) {
      EntityRef target;
      try {
        target = EntityRef.parse(value, defaultKind, self.namespace());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec." + field + ": " + e.getMessage(), e);
      }
      out.add(new Relation(forward, self, target));
      out.add(new Relation(reverseOf(forward), target, self));
    }
  }
}
